import { execFileSync, type ChildProcess } from 'node:child_process';
import { loadPlatformConfig, startPlatform, type RunningPlatform } from '@supply-graph/platform';
import { createTestDatabase, deleteNatsStream, describeEachBackend, isolatedNatsSettings, testBuses, type TestDatabase } from '@supply-graph/shared/testing';
import { gql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { REPO_ROOT, freePort, startSubgraphProcess } from '../support/processes';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const nats = testBuses().find((b) => b.bus === 'nats')!;
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const ORDER = 'query($id: ID!) { order(id: $id) { status statusHistory { to reason } } }';
const PARKED = 'query { parkedEvents(service: "inventory") { id consumer orderId attempts status } }';
const RETRY = 'mutation($id: ID!) { retryParkedEvent(id: $id) { status } }';

/**
 * The distributed set-up: inventory in its own process on NATS, the rest of
 * the platform in this one. Inventory parks the poison in its process; orders
 * learns of it over the bus, holds the order and lists it; the operator's
 * retry travels back to inventory the same way.
 */
describeEachBackend(`a poison event parked in another process holds its order there too [${nats.note}]`, (backend) => {
  const it = nats.skip ? globalThis.it.skip : globalThis.it;
  let database: TestDatabase;
  let platform: RunningPlatform;
  let inventory: ChildProcess | null = null;
  let env: Record<string, string>;
  let db: Awaited<ReturnType<typeof sqlClient>>;
  let natsSettings: ReturnType<typeof isolatedNatsSettings>;
  let inventoryUrl: string;

  beforeAll(async () => {
    if (nats.skip) return;
    database = await createTestDatabase(backend.adminUrl, `${backend.name}_poison_proc`);
    natsSettings = isolatedNatsSettings();
    const inventoryPort = await freePort();
    inventoryUrl = `http://127.0.0.1:${inventoryPort}/graphql`;
    env = {
      ...natsSettings,
      DATABASE_URL: database.url,
      INVENTORY_PORT: String(inventoryPort),
      INVENTORY_HOST: '127.0.0.1',
      INVENTORY_URL: inventoryUrl,
      LOG_LEVEL: 'silent',
      SEED_CUSTOMERS: '30',
      SEED_ORDERS: '60',
      EVENT_MAX_ATTEMPTS: '3',
      EVENT_RETRY_BASE_MS: '100',
      EVENT_RETRY_MAX_MS: '300',
      EVENT_RETRY_POLL_MS: '100',
      ORDERS_RISK_VELOCITY_WEIGHT: '0',
      ORDERS_RISK_SHARED_ADDRESS_WEIGHT: '0',
    };
    execFileSync(process.execPath, ['platform/dist/seed-cli.js'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    inventory = await startSubgraphProcess('inventory', env);
    platform = await startPlatform(
      loadPlatformConfig({
        ...env,
        PLATFORM_SUBGRAPHS: 'orders,customers,logistics',
        SEED_ON_EMPTY: 'false',
        GATEWAY_PORT: '0',
        ORDERS_PORT: '0',
        CUSTOMERS_PORT: '0',
        LOGISTICS_PORT: '0',
        GATEWAY_HOST: '127.0.0.1',
      }),
    );
    db = await sqlClient(database.url);
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000');
  }, 60_000);

  afterAll(async () => {
    inventory?.kill('SIGKILL');
    await db?.end();
    await platform?.stop();
    await database?.drop();
    if (natsSettings) await deleteNatsStream(natsSettings.NATS_URL, natsSettings.NATS_STREAM);
  }, 30_000);

  it('parks, holds, lists, and allocates once on retry, across processes', async () => {
    const ask = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T, Record<string, unknown>>(platform.gatewayUrl, query, variables);
    const place = async (sku: string, i: number) =>
      (await ask<{ placeOrder: { order: { id: string } } }>(PLACE, {
        input: {
          channel: 'webstore', externalId: `POISON-PROC-${Date.now()}-${i}`, currency: 'CNY',
          buyer: { name: `Buyer ${i}`, email: `poison${i}@example.com` },
          lines: [{ sku, quantity: 1, unitPrice: '10.00' }],
          shippingAddress: { country: 'CN', city: 'Chengdu' },
        },
      })).data!.placeOrder.order.id;
    await db.query(`
      CREATE FUNCTION inventory.poison_allocation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.sku = 'SKU-0001' THEN RAISE EXCEPTION 'integer out of range (test trigger)' USING ERRCODE = '22003'; END IF;
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER poison BEFORE INSERT ON inventory.allocation FOR EACH ROW EXECUTE FUNCTION inventory.poison_allocation()');
    const poisoned = await place('SKU-0001', 0);
    const later = await Promise.all(Array.from({ length: 60 }, (_, i) => place(`SKU-${String(2 + (i % 40)).padStart(4, '0')}`, i + 1)));

    await eventually(async () => {
      const [{ n }] = await db.rows<{ n: number }>("SELECT count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1::uuid[]) AND status = 'ALLOCATED'", [later]);
      return n === later.length || undefined;
    }, 'every later order ALLOCATED', 60_000);
    const held = await eventually(async () => {
      const o = (await ask<{ order: { status: string; statusHistory: { to: string; reason: string | null }[] } }>(ORDER, { id: poisoned })).data!.order;
      return o.status === 'ON_HOLD' ? o : undefined;
    }, 'the poisoned order ON_HOLD', 30_000);
    expect(held.statusHistory.at(-1)!.reason).toMatch(/^inventory\.allocate could not handle order\.placed after 3 attempt\(s\): integer out of range \(test trigger\)/);
    const listed = (await ask<{ parkedEvents: { id: string; consumer: string; orderId: string; attempts: number; status: string }[] }>(PARKED)).data!.parkedEvents;
    expect(listed).toEqual([{ id: expect.any(String), consumer: 'inventory.allocate', orderId: poisoned, attempts: 3, status: 'PARKED' }]);
    const [parked] = listed;
    // The inventory process counted it in its own registry.
    expect(await metricValue(inventoryUrl, 'supply_graph_events_parked_total{service="inventory",consumer="inventory.allocate"}')).toBe(1);

    await db.query('DROP TRIGGER poison ON inventory.allocation');
    expect((await ask(RETRY, { id: parked.id })).errors).toBeUndefined();
    await eventually(async () => (await ask<{ order: { status: string } }>(ORDER, { id: poisoned })).data!.order.status === 'ALLOCATED', 'ALLOCATED after the retry', 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    const [once] = await db.rows<{ reserves: number; allocations: number; allocated: number }>(
      `SELECT (SELECT count(*)::int FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE') AS reserves,
              (SELECT count(*)::int FROM inventory.allocation WHERE order_id = $1 AND released_at IS NULL) AS allocations,
              (SELECT count(*)::int FROM orders.order_status_change WHERE order_id = $1 AND to_status = 'ALLOCATED') AS allocated`,
      [poisoned],
    );
    expect(once).toEqual({ reserves: 1, allocations: 1, allocated: 1 });
  }, 180_000);
});
