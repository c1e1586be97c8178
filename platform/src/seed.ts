import { generateDemoDataset, type DemoSize, type Logger } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

/** PostgreSQL's deadlock_detected: one side is rolled back whole, and may simply run again. */
const DEADLOCK = '40P01';
const SEED_ATTEMPTS = 3;

export interface SeedReport {
  ms: number;
  counts: Record<string, number>;
}

/**
 * Generates the demo data set and writes each subgraph's part in its own
 * transaction: customers, inventory and logistics in parallel, orders last,
 * so an interrupted seed leaves orders empty and is simply redone next start.
 */
export async function seedAll(
  dataSources: Record<SubgraphName, DataSource>,
  size: DemoSize,
  progress: (message: string) => void,
): Promise<SeedReport> {
  const started = Date.now();
  progress(`generating ${size.customers} customers and ${size.orders} orders`);
  const data = generateDemoDataset(size);
  const write = async (name: SubgraphName) => {
    const entry = SUBGRAPHS.find((s) => s.name === name)!;
    const t = Date.now();
    // The platform's consumers already run (orders copies inventory's catalogue as it is announced): a deadlock
    // with one of them rolls the whole part back, and it is written again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await dataSources[name].transaction((manager) => entry.seed(manager, data));
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== DEADLOCK || attempt >= SEED_ATTEMPTS) throw err;
        progress(`${name}: deadlocked with a consumer, writing it again`);
      }
    }
    progress(`${name}: written in ${Date.now() - t} ms`);
  };
  await Promise.all((['customers', 'inventory', 'logistics'] as const).map(write));
  await write('orders');
  const counts = {
    customers: data.customers.length,
    identities: data.identities.length,
    products: data.products.length,
    warehouses: data.warehouses.length,
    orders: data.orders.length,
    orderLines: data.orders.reduce((n, o) => n + o.lines.length, 0),
    allocations: data.allocations.length,
    shipments: data.shipments.length,
    trackingEvents: data.shipments.reduce((n, s) => n + s.events.length, 0),
  };
  return { ms: Date.now() - started, counts };
}

/** True when the orders schema is empty, i.e. no complete seed has been written. */
export async function needsSeed(dataSources: Record<SubgraphName, DataSource>): Promise<boolean> {
  const orders = SUBGRAPHS.find((s) => s.name === 'orders')!;
  return orders.isEmpty(dataSources.orders);
}

export function logProgress(logger: Logger) {
  return (message: string) => logger.info(`seed: ${message}`);
}
