import { graphql } from '../generated/suites';
import { PLACE_ORDER } from '../support/documents';
import { metricValue } from '../support/metrics';
import { poisonInserts } from '../support/sql';
import { describeDistributed, useCluster } from '../support/use-cluster';
import { eventually } from '../support/wait';

const ORDER = graphql(`query ClusterPoisonOrder($id: ID!) { order(id: $id) { status statusHistory { to reason } } }`);
const PARKED = graphql(`
  query ClusterPoisonParked { parkedEvents(service: "inventory") { id consumer orderId attempts status } }
`);
const RETRY = graphql(`mutation ClusterPoisonRetry($id: ID!) { retryParkedEvent(id: $id) { status } }`);

/**
 * Inventory parks the poison in its own process; orders, in another, learns of
 * it over the bus, holds the order and lists it; the operator's retry travels
 * back to inventory the same way, and the order is allocated once.
 */
describeDistributed('a poison event in the distributed deployment', (server) => {
  const { cluster, db, ask } = useCluster(server, {
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

  beforeAll(async () => {
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000');
  });

  it('parks, holds, lists, and allocates once on retry, across processes', async () => {
    const place = async (sku: string, i: number) =>
      (
        await ask(PLACE_ORDER, {
          input: {
            channel: 'webstore',
            externalId: `POISON-PROC-${Date.now()}-${i}`,
            currency: 'CNY',
            buyer: { name: `Buyer ${i}`, email: `poison${i}@example.com` },
            lines: [{ sku, quantity: 1, unitPrice: '10.00' }],
            shippingAddress: { country: 'CN', city: 'Chengdu' },
          },
        })
      ).data!.placeOrder.order!.id;
    // A real poison: PostgreSQL refuses every reservation of one SKU, as a bug or bad data would, every time.
    await poisonInserts(db, {
      table: 'inventory.allocation',
      fn: 'inventory.poison_allocation',
      when: "NEW.sku = 'SKU-0001'",
      raise: "'integer out of range (test trigger)'",
    });
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
        const o = (await ask(ORDER, { id: poisoned })).data!.order!;
        return o.status === 'ON_HOLD' ? o : undefined;
      },
      'the poisoned order ON_HOLD',
      30_000,
    );
    expect(held.statusHistory.at(-1)!.reason).toMatch(
      /^inventory\.allocate could not handle order\.placed after 3 attempt\(s\): integer out of range \(test trigger\)/,
    );
    const listed = (await ask(PARKED)).data!.parkedEvents;
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
      async () => (await ask(ORDER, { id: poisoned })).data!.order!.status === 'ALLOCATED',
      'ALLOCATED after the retry',
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const [once] = await db.rows<{ reserves: number; allocations: number; allocated: number }>(
      `SELECT
         (SELECT count(*)::int FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE') AS reserves,
         (SELECT count(*)::int FROM inventory.allocation WHERE order_id = $1 AND released_at IS NULL) AS allocations,
         (SELECT count(*)::int FROM orders.order_status_change
          WHERE order_id = $1 AND to_status = 'ALLOCATED') AS allocated`,
      [poisoned],
    );
    expect(once).toEqual({ reserves: 1, allocations: 1, allocated: 1 });
  }, 180_000);
});
