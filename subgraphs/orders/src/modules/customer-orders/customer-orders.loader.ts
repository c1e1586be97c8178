import DataLoader from 'dataloader';
import type { Page } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { findCustomerOrderPages, type OrderPageArgs } from '../order/order-page';
import type { Order } from '../order/order.type';
import { statsForCustomers } from './customer-stats.service';
import type { CustomerOrderStats } from './customer-stats.type';

/** One customer's order page request; `args` is already validated. */
export interface CustomerOrdersKey {
  customerId: string;
  args: OrderPageArgs;
}

/**
 * Per-request loaders for the fields this subgraph adds to Customer. Keys that
 * share the same page arguments are answered together: one windowed page
 * query and one grouped count per distinct argument set, however many customers.
 * `channels` is the caller's channel scope (null: every channel): the stats
 * count only the orders of those channels (the pages carry it in their filter).
 */
export function createCustomerOrderLoaders(db: DataSource, channels: readonly string[] | null) {
  return {
    ordersByCustomer: new DataLoader<CustomerOrdersKey, Page<Order>, string>(
      async (keys) => {
        const groups = new Map<string, { args: OrderPageArgs; indexes: number[] }>();
        keys.forEach((key, index) => {
          const argsKey = JSON.stringify(key.args);
          const group = groups.get(argsKey) ?? { args: key.args, indexes: [] };
          group.indexes.push(index);
          groups.set(argsKey, group);
        });
        const results = new Array<Page<Order>>(keys.length);
        await Promise.all(
          [...groups.values()].map(async ({ args, indexes }) => {
            const pages = await findCustomerOrderPages(
              db,
              indexes.map((i) => keys[i].customerId),
              args,
            );
            indexes.forEach((keyIndex, i) => {
              results[keyIndex] = pages[i];
            });
          }),
        );
        return results;
      },
      { cacheKeyFn: (key) => JSON.stringify([key.customerId, key.args]) },
    ),

    statsByCustomerId: new DataLoader<string, CustomerOrderStats>((customerIds) =>
      statsForCustomers(db, customerIds, channels),
    ),
  };
}

export type CustomerOrderLoaders = ReturnType<typeof createCustomerOrderLoaders>;
