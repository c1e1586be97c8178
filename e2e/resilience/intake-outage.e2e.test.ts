import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadPlatformConfig, startPlatform, type RunningPlatform } from '@supply-graph/platform';
import {
  createTestDatabase,
  deleteNatsStream,
  describeEachBackend,
  isolatedNatsSettings,
  testBuses,
  type TestDatabase,
} from '@supply-graph/shared/testing';
import { gql } from '../support/graphql';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const REPO = path.resolve(__dirname, '../..');
const nats = testBuses().find((b) => b.bus === 'nats')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } } }';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Peer = 'inventory' | 'customers';
const OTHERS: Record<Peer, string> = { inventory: 'orders,customers,logistics', customers: 'orders,inventory,logistics' };

/** What one placeOrder call came to. */
interface Attempt {
  externalId: string;
  email: string;
  orderId: string | null;
  error: unknown;
  /** Sent while the peer was down (between the kill and its restart being ready). */
  duringOutage: boolean;
}

/**
 * Intake with a peer killed: the peer runs as its own process on NATS, the
 * rest of the platform in this one; a steady stream of concurrent placeOrder
 * calls goes through the gateway while the peer is SIGKILLed, stays down for
 * some seconds and is started again. No call may fail, and every order must
 * end up with its customer and allocated exactly once.
 */
function intakeOutage(peer: Peer, check: (ctx: { db: Awaited<ReturnType<typeof sqlClient>>; attempts: Attempt[]; ids: string[] }) => Promise<void>) {
  describeEachBackend(`placeOrder keeps working while ${peer} is killed and restarted [${nats.note}]`, (backend) => {
    const it = nats.skip ? globalThis.it.skip : globalThis.it;
    let database: TestDatabase;
    let platform: RunningPlatform;
    let child: ChildProcess | null = null;
    let env: Record<string, string>;
    let db: Awaited<ReturnType<typeof sqlClient>>;
    let natsSettings: ReturnType<typeof isolatedNatsSettings>;
    const PORT = `${peer.toUpperCase()}_PORT`;

    const startPeer = async () => {
      const proc = spawn(process.execPath, [`subgraphs/${peer}/dist/main.js`], { cwd: REPO, env: { ...process.env, ...env }, stdio: 'ignore' });
      await eventually(async () => (await fetch(`http://127.0.0.1:${env[PORT]}/readyz`)).ok || undefined, `${peer} ready`, 20_000);
      return proc;
    };

    beforeAll(async () => {
      if (nats.skip) return;
      database = await createTestDatabase(backend.adminUrl, `${backend.name}_intake_${peer}`);
      natsSettings = isolatedNatsSettings();
      const port = await freePort();
      env = {
        ...natsSettings,
        DATABASE_URL: database.url,
        [PORT]: String(port),
        [`${peer.toUpperCase()}_HOST`]: '127.0.0.1',
        [`${peer.toUpperCase()}_URL`]: `http://127.0.0.1:${port}/graphql`,
        LOG_LEVEL: 'silent',
        SEED_CUSTOMERS: '30',
        SEED_ORDERS: '60',
      };
      execFileSync(process.execPath, ['platform/dist/seed-cli.js'], { cwd: REPO, env: { ...process.env, ...env }, stdio: 'ignore' });
      child = await startPeer();
      platform = await startPlatform(
        loadPlatformConfig({
          ...env,
          PLATFORM_SUBGRAPHS: OTHERS[peer],
          SEED_ON_EMPTY: 'false',
          GATEWAY_PORT: '0',
          ORDERS_PORT: '0',
          CUSTOMERS_PORT: '0',
          INVENTORY_PORT: '0',
          LOGISTICS_PORT: '0',
          GATEWAY_HOST: '127.0.0.1',
          LOGISTICS_EXCEPTION_SCAN_INTERVAL_S: '0',
        }),
      );
      db = await sqlClient(database.url);
      // Enough stock for every order: each must end ALLOCATED, none BACKORDERED.
      await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000');
    }, 90_000);

    afterAll(async () => {
      child?.kill('SIGKILL');
      await db?.end();
      await platform?.stop();
      await database?.drop();
      if (natsSettings) await deleteNatsStream(natsSettings.NATS_URL, natsSettings.NATS_STREAM);
    }, 30_000);

    it('every placeOrder call succeeds, and every order gets its customer and is allocated exactly once', async () => {
      const run = randomUUID().slice(0, 8);
      const attempts: Attempt[] = [];
      let down = false;
      let stop = false;
      let n = 0;
      // Twelve buyers, each ordering many times: each must become one golden customer, whichever path identified them.
      const worker = async () => {
        while (!stop) {
          const i = n++;
          const email = `intake-${run}-${i % 12}@example.com`;
          const externalId = `OUTAGE-${peer}-${run}-${i}`;
          const duringOutage = down;
          const result = await gql<{ placeOrder: { order: { id: string; status: string } } }, Record<string, unknown>>(platform.gatewayUrl, PLACE, {
            input: {
              channel: 'webstore',
              externalId,
              buyer: { name: `Buyer ${i % 12}`, email },
              currency: 'CNY',
              lines: [{ sku: `SKU-${String(1 + (i % 40)).padStart(4, '0')}`, quantity: 1, unitPrice: '10.00' }],
              // An address of its own per order: no risk rule (velocity, shared address) holds these orders.
              shippingAddress: { country: 'CN', city: 'Chengdu', line1: `Tianfu Avenue ${run}-${i}` },
            },
          }).catch((err: unknown) => ({ data: null, errors: [err] }));
          attempts.push({ externalId, email, orderId: result.data?.placeOrder.order.id ?? null, error: result.errors ?? null, duringOutage });
        }
      };
      const workers = Array.from({ length: 6 }, worker);
      await sleep(1500);
      down = true;
      child!.kill('SIGKILL');
      await sleep(5000);
      child = await startPeer();
      down = false;
      await sleep(1500);
      stop = true;
      await Promise.all(workers);

      expect(attempts.filter((a) => a.error !== null)).toEqual([]);
      // The kill landed in the stream, or the test proved nothing.
      expect(attempts.filter((a) => a.duringOutage).length).toBeGreaterThan(10);
      const ids = attempts.map((a) => a.orderId!);
      expect(new Set(ids).size).toBe(attempts.length);

      await eventually(async () => {
        const [{ allocated, shipped }] = await db.rows<{ allocated: number; shipped: number }>(
          `SELECT count(*) FILTER (WHERE status = 'ALLOCATED' AND customer_id IS NOT NULL)::int AS allocated,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM logistics.shipment s WHERE s.order_id = o.id))::int AS shipped
           FROM orders.sales_order o WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        return (allocated === ids.length && shipped === ids.length) || undefined;
      }, `all ${ids.length} orders with a customer, ALLOCATED and shipped after ${peer} came back`, 90_000);

      const perOrder = await db.rows<{ id: string; allocated_entries: number; allocations: number; reserves: number; placed_events: number }>(
        `SELECT o.id,
           (SELECT count(*)::int FROM orders.order_status_change h WHERE h.order_id = o.id AND h.to_status = 'ALLOCATED') AS allocated_entries,
           (SELECT count(*)::int FROM inventory.allocation a WHERE a.order_id = o.id AND a.released_at IS NULL) AS allocations,
           (SELECT count(*)::int FROM inventory.stock_movement m WHERE m.order_id = o.id AND m.kind = 'RESERVE') AS reserves,
           (SELECT count(*)::int FROM orders.outbox e WHERE e.aggregate_id = o.id::text AND e.type = 'order.placed') AS placed_events
         FROM orders.sales_order o WHERE o.id = ANY($1::uuid[])`,
        [ids],
      );
      expect(perOrder.filter((o) => o.allocated_entries !== 1 || o.allocations !== 1 || o.reserves !== 1 || o.placed_events !== 1)).toEqual([]);
      await check({ db, attempts, ids });
    }, 180_000);
  });
}

/** Each buyer (email) is one customer, and every order of theirs names it. */
async function goldenCustomers(db: Awaited<ReturnType<typeof sqlClient>>, attempts: Attempt[]) {
  const emails = [...new Set(attempts.map((a) => a.email))];
  const customers = await db.rows<{ email: string; ids: string[] }>(
    'SELECT email_normalized AS email, array_agg(id::text) AS ids FROM customers.customer WHERE email_normalized = ANY($1) GROUP BY 1',
    [emails],
  );
  expect(customers.filter((c) => c.ids.length !== 1)).toEqual([]);
  expect(customers).toHaveLength(emails.length);
  const customerOf = new Map(customers.map((c) => [c.email, c.ids[0]]));
  const orders = await db.rows<{ external_id: string; customer_id: string }>(
    "SELECT external_id, customer_id::text FROM orders.sales_order WHERE channel_code = 'webstore' AND external_id = ANY($1)",
    [attempts.map((a) => a.externalId)],
  );
  const emailOf = new Map(attempts.map((a) => [a.externalId, a.email]));
  expect(orders.filter((o) => o.customer_id !== customerOf.get(emailOf.get(o.external_id)!))).toEqual([]);
}

intakeOutage('inventory', async ({ db, attempts }) => {
  await goldenCustomers(db, attempts);
});

intakeOutage('customers', async ({ db, attempts, ids }) => {
  await goldenCustomers(db, attempts);
  // Orders taken while customers was down went the asynchronous way: accepted without a customer, completed later.
  const [{ awaited }] = await db.rows<{ awaited: number }>(
    `SELECT count(DISTINCT order_id)::int AS awaited FROM orders.order_status_change
     WHERE order_id = ANY($1::uuid[]) AND reason LIKE '%awaiting buyer identification%'`,
    [ids],
  );
  expect(awaited).toBeGreaterThan(10);
});
