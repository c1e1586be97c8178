import { customersEmpty, customersSubgraph, seedCustomers } from '@supply-graph/customers';
import { inventoryEmpty, inventorySubgraph, seedInventory } from '@supply-graph/inventory';
import { logisticsEmpty, logisticsSubgraph, seedLogistics } from '@supply-graph/logistics';
import { ordersEmpty, ordersSubgraph, seedOrders } from '@supply-graph/orders';
import type { DemoDataset, Queryable, SubgraphDefinition } from '@supply-graph/shared';

export type SubgraphName = 'orders' | 'customers' | 'inventory' | 'logistics';

export interface SubgraphEntry {
  name: SubgraphName;
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own context type; the platform only starts them.
  definition: SubgraphDefinition<any>;
  seed(db: Queryable, data: DemoDataset): Promise<void>;
  isEmpty(db: Queryable): Promise<boolean>;
}

/** The four subgraphs in port order (4001..4004). Orders is seeded last: it marks a complete seed. */
export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'orders', definition: ordersSubgraph, seed: seedOrders, isEmpty: ordersEmpty },
  { name: 'customers', definition: customersSubgraph, seed: seedCustomers, isEmpty: customersEmpty },
  { name: 'inventory', definition: inventorySubgraph, seed: seedInventory, isEmpty: inventoryEmpty },
  { name: 'logistics', definition: logisticsSubgraph, seed: seedLogistics, isEmpty: logisticsEmpty },
];
