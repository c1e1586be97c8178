import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  AppError,
  createLogger,
  eventTransaction,
  serviceEvents,
  staticPeers,
  type EventTransaction,
  type SubgraphConfig,
  servicePrincipal,
} from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { createContext, type OrdersContext } from '../../../context';
import { ordersSubgraph } from '../../../index';
import { recordCatalogued } from '../../catalogue/product-catalogue.consumer';
import { holdOrder } from '../../lifecycle/release-order.service';
import { completeBuyerIdentification } from '../buyer-identified.consumer';
import { placeOrder } from '../intake.service';

/** A peer stand-in on a free port: answers every GraphQL call with `answer`, after `delayMs`; counts the calls. */
async function stubPeer(answer: (body: { query: string }) => unknown, delayMs = 0) {
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

/** Nothing listens here: a peer that is down (connection refused). */
const DOWN = 'http://127.0.0.1:9/graphql';

describeEachBackend('intake without inventory or customers on the hot path', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;

  const contextFor = (peers: { customers?: string; inventory?: string }, config: object = {}): OrdersContext =>
    createContext({
      requestId: randomUUID(),
      log: createLogger('orders-test', 'silent'),
      db,
      events: serviceEvents('orders', db, () => undefined),
      peers: staticPeers({ customers: peers.customers ?? DOWN, inventory: peers.inventory ?? DOWN }),
      config: config as SubgraphConfig,
      principal: servicePrincipal('orders-test'),
    });

  const input = (sku = 'SKU-A', extra: Record<string, unknown> = {}) => ({
    channel: 'webstore',
    externalId: `T-${randomUUID()}`,
    currency: 'CNY',
    buyer: { name: 'Lin Yu', email: `lin.${randomUUID().slice(0, 8)}@example.com` },
    lines: [{ sku, quantity: 1, unitPrice: '20.00' }],
    shippingAddress: { country: 'CN', city: 'Hangzhou', line1: `West Lake Road ${randomUUID()}` },
    ...extra,
  });

  const eventsOf = async (orderId: string) =>
    (await db.query('SELECT type, aggregate_version, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq', [
      orderId,
    ])) as {
      type: string;
      aggregate_version: number;
      payload: Record<string, unknown>;
    }[];

  const inTx = <T>(fn: (tx: EventTransaction) => Promise<T>) =>
    db.transaction((manager) => fn(eventTransaction(manager, 'orders')));

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'intake_peers', ordersSubgraph);
    ({ db } = database);
    await db.query(
      "INSERT INTO channel (code, name, kind) VALUES ('webstore', 'Web store', 'WEBSTORE') ON CONFLICT DO NOTHING",
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('while the local catalogue is still empty', () => {
    it('asks inventory, as before, and says inventory is unavailable when it is down', async () => {
      const inventory = await stubPeer(() => ({ data: { _entities: [{ sku: 'SKU-A' }] } }));
      const customers = await stubPeer(() => ({
        data: { identifyBuyer: { customerId: randomUUID(), matchedBy: 'new' } },
      }));
      try {
        const placed = await placeOrder(
          contextFor({ inventory: inventory.url, customers: customers.url }),
          input('SKU-A'),
        );
        expect(placed.created).toBe(true);
        expect(inventory.calls()).toBe(1);
        await expect(placeOrder(contextFor({ customers: customers.url }), input('SKU-A'))).rejects.toMatchObject({
          code: 'SUBGRAPH_UNAVAILABLE',
        });
      } finally {
        await inventory.close();
        await customers.close();
      }
    });
  });

  describe('once the catalogue has arrived', () => {
    beforeAll(async () => {
      await db.transaction(async (manager) => {
        await recordCatalogued({ manager }, { sku: 'SKU-A', name: 'Tea cup', discontinued: false, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-B', name: 'Teapot', discontinued: false, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-OLD', name: 'Old kettle', discontinued: true, version: 3 });
      });
    });

    it('keeps the newest announcement of each product, whatever order they arrive in', async () => {
      await db.transaction(async (manager) => {
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v2', discontinued: false, version: 2 });
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v1', discontinued: true, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v2', discontinued: false, version: 2 });
      });
      expect(await db.query("SELECT name, discontinued, version FROM catalog_product WHERE sku = 'SKU-C'")).toEqual([
        { name: 'Saucer v2', discontinued: false, version: 2 },
      ]);
    });

    it('checks SKUs locally: accepts known ones and refuses unknown and discontinued ones without asking inventory', async () => {
      const customers = await stubPeer(() => ({
        data: { identifyBuyer: { customerId: randomUUID(), matchedBy: 'new' } },
      }));
      try {
        // Inventory is down throughout: a call to it would fail the order with SUBGRAPH_UNAVAILABLE.
        const placed = await placeOrder(contextFor({ customers: customers.url }), input('SKU-B'));
        expect(placed.created).toBe(true);
        const unknown = await placeOrder(contextFor({ customers: customers.url }), input('SKU-NOPE')).catch(
          (e: unknown) => e,
        );
        expect(unknown).toBeInstanceOf(AppError);
        expect(unknown).toMatchObject({
          code: 'BAD_USER_INPUT',
          extensions: { problems: [{ field: 'lines[0].sku', message: 'unknown SKU "SKU-NOPE"' }] },
        });
        const old = await placeOrder(contextFor({ customers: customers.url }), input('SKU-OLD')).catch(
          (e: unknown) => e,
        );
        expect(old).toMatchObject({
          code: 'BAD_USER_INPUT',
          extensions: { problems: [{ field: 'lines[0].sku', message: 'SKU "SKU-OLD" is discontinued' }] },
        });
      } finally {
        await customers.close();
      }
    });

    it('identifies the buyer at once when customers answers in time: the order is announced in the same transaction', async () => {
      const customerId = randomUUID();
      const customers = await stubPeer(() => ({ data: { identifyBuyer: { customerId, matchedBy: 'email' } } }));
      try {
        const { orderId } = await placeOrder(contextFor({ customers: customers.url }), input('SKU-A'));
        expect(await db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
          { customer_id: customerId, status: 'PENDING' },
        ]);
        const events = await eventsOf(orderId);
        expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.status-changed']);
        expect(events[0].payload).toMatchObject({ customerId, held: false });
      } finally {
        await customers.close();
      }
    });

    it('accepts the order without a customer when customers is down, and asks for the identification through the bus', async () => {
      const ctx = contextFor({});
      const { orderId, created } = await placeOrder(
        ctx,
        input('SKU-A', { buyer: { name: 'Zhao Lei', phone: '+8613800138000' } }),
      );
      expect(created).toBe(true);
      expect(await db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { customer_id: null, status: 'PENDING' },
      ]);
      expect(
        await db.query('SELECT to_status, reason FROM order_status_change WHERE order_id = $1', [orderId]),
      ).toEqual([{ to_status: 'PENDING', reason: expect.stringContaining('awaiting buyer identification') }]);
      // Nothing tells inventory to allocate before the customer is known.
      const events = await eventsOf(orderId);
      expect(events.map((e) => e.type)).toEqual(['buyer.identification-requested']);
      expect(events[0].payload).toEqual({
        orderId,
        channel: 'webstore',
        buyer: { name: 'Zhao Lei', email: null, phone: '+8613800138000', channelBuyerId: null },
      });
      // An operator cannot move it meanwhile: every status event names a customer.
      await expect(holdOrder(ctx, orderId, 'looks odd')).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('awaiting buyer identification'),
      });

      const customerId = randomUUID();
      expect(
        await inTx((tx) =>
          completeBuyerIdentification(tx, { orderId, customerId, matchedBy: 'phone' }, DEFAULT_RISK_SETTINGS),
        ),
      ).toBe(true);
      expect(await db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { customer_id: customerId, status: 'PENDING' },
      ]);
      const after = await eventsOf(orderId);
      expect(after.map((e) => e.type)).toEqual([
        'buyer.identification-requested',
        'order.placed',
        'order.status-changed',
      ]);
      expect(after[1].payload).toMatchObject({
        orderId,
        customerId,
        channel: 'webstore',
        held: false,
        lines: [{ lineNo: 1, sku: 'SKU-A', quantity: 1 }],
      });
      expect(after[2]).toMatchObject({
        aggregate_version: 1,
        payload: { customerId, from: null, to: 'PENDING', version: 1 },
      });

      // A repeated answer changes nothing, even one naming another customer.
      expect(
        await inTx((tx) =>
          completeBuyerIdentification(
            tx,
            { orderId, customerId: randomUUID(), matchedBy: 'new' },
            DEFAULT_RISK_SETTINGS,
          ),
        ),
      ).toBe(false);
      expect(await eventsOf(orderId)).toHaveLength(3);
      expect(await db.query('SELECT customer_id FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { customer_id: customerId },
      ]);
      // Now it moves like any order.
      await holdOrder(ctx, orderId, 'looks odd');
    });

    it('runs the risk rules it skipped when the buyer is identified: a high-value order of a new customer is held then', async () => {
      const { orderId } = await placeOrder(
        contextFor({}),
        input('SKU-A', { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '9000.00' }] }),
      );
      expect(await db.query('SELECT risk_score, risk_flags FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { risk_score: 0, risk_flags: [] },
      ]);
      await inTx((tx) =>
        completeBuyerIdentification(tx, { orderId, customerId: randomUUID(), matchedBy: 'new' }, DEFAULT_RISK_SETTINGS),
      );
      const [row] = (await db.query('SELECT status, risk_flags FROM sales_order WHERE id = $1', [orderId])) as {
        status: string;
        risk_flags: string[];
      }[];
      expect(row).toEqual({ status: 'ON_HOLD', risk_flags: ['HIGH_VALUE_NEW_CUSTOMER'] });
      const events = await eventsOf(orderId);
      expect(events.map((e) => e.type)).toEqual([
        'buyer.identification-requested',
        'order.placed',
        'order.status-changed',
        'order.status-changed',
      ]);
      expect(events[1].payload).toMatchObject({ held: true });
      expect(events[3].payload).toMatchObject({ from: 'PENDING', to: 'ON_HOLD', version: 2 });
    });

    it('does not wait for a slow customers longer than ORDERS_BUYER_IDENTIFY_TIMEOUT_MS', async () => {
      const customers = await stubPeer(
        () => ({ data: { identifyBuyer: { customerId: randomUUID(), matchedBy: 'new' } } }),
        3000,
      );
      try {
        const started = Date.now();
        const { orderId } = await placeOrder(
          contextFor({ customers: customers.url }, { intake: { buyerIdentifyTimeoutMs: 200 } }),
          input('SKU-A'),
        );
        expect(Date.now() - started).toBeLessThan(1500);
        expect(await db.query('SELECT customer_id FROM sales_order WHERE id = $1', [orderId])).toEqual([
          { customer_id: null },
        ]);
      } finally {
        await customers.close();
      }
    });

    it('still refuses, customers down or not, a buyer customers could never identify, and one customers itself refuses', async () => {
      const nothing = await placeOrder(contextFor({}), input('SKU-A', { buyer: { name: 'Anonymous' } })).catch(
        (e: unknown) => e,
      );
      expect(nothing).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { problems: [{ field: 'buyer' }] } });
      const customers = await stubPeer(() => ({
        errors: [
          {
            message: 'The buyer needs a name',
            extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'name', message: 'must not be blank' }] },
          },
        ],
      }));
      try {
        await expect(placeOrder(contextFor({ customers: customers.url }), input('SKU-A'))).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      } finally {
        await customers.close();
      }
    });
  });
});
