import { testBackends, testBuses } from '@supply-graph/shared/testing';
import { startCluster, type Cluster } from '../support/cluster';
import { gql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const nats = testBuses().find((b) => b.bus === 'nats')!;
const server = testBackends().find((b) => b.backend.name === 'server')!;
const skip = nats.skip || server.skip;
const title = skip
  ? `a poison event in the distributed deployment [skipped: needs DATABASE_URL and NATS, ${nats.note}]`
  : 'a poison event in the distributed deployment [separate processes, server PostgreSQL, NATS JetStream]';
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const ORDER = 'query($id: ID!) { order(id: $id) { status statusHistory { to reason } } }';
const PARKED = 'query { parkedEvents(service: "inventory") { id consumer orderId attempts status } }';
const RETRY = 'mutation($id: ID!) { retryParkedEvent(id: $id) { status } }';

/**
 * Inventory parks the poison in its own process; orders, in another, learns of
 * it over the bus, holds the order and lists it; the operator's retry travels
 * back to inventory the same way, and the order is allocated once.
 */
(skip ? describe.skip : describe)(title, () => {
  let cluster: Cluster;
  let db: Awaited<ReturnType<typeof sqlClient>>;

  beforeAll(async () => {
    cluster = await startCluster(server.backend, {
      customers: 30,
      orders: 60,
      env: {
        EVENT_MAX_ATTEMPTS: '3',
        EVENT_RETRY_BASE_MS: '100',
        EVENT_RETRY_MAX_MS: '300',
        EVENT_RETRY_POLL_MS: '100',
        // Sixty orders in a minute must not be held by the risk rules: only the poison is.
        ORDERS_RISK_VELOCITY_WEIGHT: '0',
        ORDERS_RISK_SHARED_ADDRESS_WEIGHT: '0',
      },
    });
    db = await sqlClient(cluster.databaseUrl);
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000');
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await cluster?.close();
  }, 60_000);

  it('parks, holds, lists, and allocates once on retry, across processes', async () => {
    const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
      gql<T, Record<string, unknown>>(cluster.gatewayUrl, query, variables);
    const place = async (sku: string, i: number) =>
      (
        await ask<{ placeOrder: { order: { id: string } } }>(PLACE, {
          input: {
            channel: 'webstore',
            externalId: `POISON-PROC-${Date.now()}-${i}`,
            currency: 'CNY',
            buyer: { name: `Buyer ${i}`, email: `poison${i}@example.com` },
            lines: [{ sku, quantity: 1, unitPrice: '10.00' }],
            shippingAddress: { country: 'CN', city: 'Chengdu' },
          },
        })
      ).data!.placeOrder.order.id;
    // A real poison: PostgreSQL refuses every reservation of one SKU, as a bug or bad data would, every time.
    await db.query(`
      CREATE FUNCTION inventory.poison_allocation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.sku = 'SKU-0001' THEN RAISE EXCEPTION 'integer out of range (test trigger)' USING ERRCODE = '22003'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      'CREATE TRIGGER poison BEFORE INSERT ON inventory.allocation FOR EACH ROW EXECUTE FUNCTION inventory.poison_allocation()',
    );
    const poisoned = await place('SKU-0001', 0);
    const later = await Promise.all(
      Array.from({ length: 60 }, (_, i) => place(`SKU-${String(2 + (i % 40)).padStart(4, '0')}`, i + 1)),
    );

    await eventually(
      async () => {
        const [{ n }] = await db.rows<{ n: number }>(
          "SELECT count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1::uuid[]) AND status = 'ALLOCATED'",
          [later],
        );
        return n === later.length || undefined;
      },
      'every later order ALLOCATED',
      60_000,
    );
    const held = await eventually(
      async () => {
        const o = (
          await ask<{ order: { status: string; statusHistory: { to: string; reason: string | null }[] } }>(ORDER, {
            id: poisoned,
          })
        ).data!.order;
        return o.status === 'ON_HOLD' ? o : undefined;
      },
      'the poisoned order ON_HOLD',
      30_000,
    );
    expect(held.statusHistory.at(-1)!.reason).toMatch(
      /^inventory\.allocate could not handle order\.placed after 3 attempt\(s\): integer out of range \(test trigger\)/,
    );
    const listed = (
      await ask<{
        parkedEvents: { id: string; consumer: string; orderId: string; attempts: number; status: string }[];
      }>(PARKED)
    ).data!.parkedEvents;
    expect(listed).toEqual([
      { id: expect.any(String), consumer: 'inventory.allocate', orderId: poisoned, attempts: 3, status: 'PARKED' },
    ]);
    const [parked] = listed;
    // The inventory process counted it in its own registry: the alert operators watch.
    expect(
      await metricValue(
        cluster.url('inventory'),
        'supply_graph_events_parked_total{service="inventory",consumer="inventory.allocate"}',
      ),
    ).toBe(1);

    await db.query('DROP TRIGGER poison ON inventory.allocation');
    expect((await ask(RETRY, { id: parked.id })).errors).toBeUndefined();
    await eventually(
      async () =>
        (await ask<{ order: { status: string } }>(ORDER, { id: poisoned })).data!.order.status === 'ALLOCATED',
      'ALLOCATED after the retry',
      30_000,
    );
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
