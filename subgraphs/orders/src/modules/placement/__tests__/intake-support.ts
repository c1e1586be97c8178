import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  eventTransaction,
  serviceEvents,
  servicePrincipal,
  staticPeers,
  type EventTransaction,
  type SubgraphConfig,
} from '@supply-graph/shared';
import { migratedTestDatabase, type MigratedDatabase, type TestBackend } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { createContext, type OrdersContext } from '../../../context';
import { ordersSubgraph } from '../../../index';
import { defaultOrdersStrategies, type OrdersStrategies } from '../../../strategies';
import { recordCatalogued } from '../../catalogue/product-catalogue.consumer';

/** A peer stand-in on a free port: answers every GraphQL call with `answer`, after `delayMs`; counts the calls. */
export async function stubPeer(answer: (body: { query: string }) => unknown, delayMs = 0) {
  let calls = 0;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      calls += 1;
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer(JSON.parse(text))));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A customers stand-in that identifies every buyer as a new customer. */
export const newCustomers = () =>
  stubPeer(() => ({ data: { identifyBuyer: { customerId: randomUUID(), matchedBy: 'new' } } }));

/** Nothing listens here: a peer that is down (connection refused). */
const DOWN = 'http://127.0.0.1:9/graphql';

/** A webstore order of one line of `sku`; `extra` replaces any of its fields. */
export const input = (sku = 'SKU-A', extra: Record<string, unknown> = {}) => ({
  channel: 'webstore',
  externalId: `T-${randomUUID()}`,
  currency: 'CNY',
  buyer: { name: 'Lin Yu', email: `lin.${randomUUID().slice(0, 8)}@example.com` },
  lines: [{ sku, quantity: 1, unitPrice: '20.00' }],
  shippingAddress: { country: 'CN', city: 'Hangzhou', line1: `West Lake Road ${randomUUID()}` },
  ...extra,
});

export interface IntakeDatabase {
  readonly db: DataSource;
  /**
   * A request context whose peers are the given URLs (a peer left out is down),
   * with the default strategies unless given.
   */
  contextFor(
    peers: { customers?: string; inventory?: string },
    config?: object,
    strategies?: OrdersStrategies,
  ): OrdersContext;
  /** The order's events in the outbox, oldest first. */
  eventsOf(orderId: string): Promise<{ type: string; aggregate_version: number; payload: Record<string, unknown> }[]>;
  inTx<T>(fn: (tx: EventTransaction) => Promise<T>): Promise<T>;
  /** The catalogue as inventory announced it: SKU-A and SKU-B on sale, SKU-OLD discontinued. */
  catalogue(): Promise<void>;
}

/** A migrated orders database with the webstore channel, for the suite's lifetime (registers its hooks). */
export function intakeDatabase(backend: TestBackend, label: string): IntakeDatabase {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, label, ordersSubgraph);
    await database.db.query(
      "INSERT INTO channel (code, name, kind) VALUES ('webstore', 'Web store', 'WEBSTORE') ON CONFLICT DO NOTHING",
    );
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      return database.db;
    },
    contextFor(peers, config = {}, strategies = defaultOrdersStrategies()) {
      return createContext(
        {
          requestId: randomUUID(),
          log: createLogger('orders-test', 'silent'),
          db: database.db,
          events: serviceEvents('orders', database.db, () => undefined),
          peers: staticPeers({ customers: peers.customers ?? DOWN, inventory: peers.inventory ?? DOWN }),
          config: config as SubgraphConfig,
          principal: servicePrincipal('orders-test'),
        },
        strategies,
      );
    },
    async eventsOf(orderId) {
      return database.db.query(
        'SELECT type, aggregate_version, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq',
        [orderId],
      );
    },
    inTx(fn) {
      return database.db.transaction((manager) => fn(eventTransaction(manager, 'orders')));
    },
    async catalogue() {
      await database.db.transaction(async (manager) => {
        await recordCatalogued({ manager }, { sku: 'SKU-A', name: 'Tea cup', discontinued: false, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-B', name: 'Teapot', discontinued: false, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-OLD', name: 'Old kettle', discontinued: true, version: 3 });
      });
    },
  };
}
