import { randomUUID } from 'node:crypto';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { describeEachBus } from '../support/buses';
import { PLACE_ORDER } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { untilDone } from '../support/wait';

const CANCEL = graphql(`
  mutation RaceCancel($id: ID!) { cancelOrder(id: $id, reason: "buyer changed their mind") { id status } }
`);
const DELIVERY = graphql(`
  mutation RaceDelivery($sku: ID!, $w: ID!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: 5, reason: "delivery from supplier") { reserved available }
  }
`);

describeEachBus('stock is never oversold', (bus, backend) => {
  // Correctness under contention, not latency: 200 orders at once may take longer than the default 10 s
  // on a machine that runs other suites too, and a timed-out call would prove nothing either way.
  const { db, ask } = usePlatform(backend, {
    customers: 30,
    orders: 60,
    bus,
    env: { SUBGRAPH_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' },
  });
  const SKU = 'SKU-0150';

  beforeAll(async () => {
    // Exactly 50 sellable units of the SKU in the whole network, all in Wuhan.
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock WHERE sku = $1', [SKU]);
    await db.query(
      `UPDATE inventory.stock_level s SET on_hand = reserved + safety_stock + 50 FROM inventory.warehouse w
     WHERE w.id = s.warehouse_id AND s.sku = $1 AND w.code = (
       SELECT w2.code FROM inventory.stock_level s2 JOIN inventory.warehouse w2 ON w2.id = s2.warehouse_id
       WHERE s2.sku = $1 ORDER BY w2.code LIMIT 1)`,
      [SKU],
    );
  });

  const place = (i: number) =>
    ask(PLACE_ORDER, {
      input: {
        channel: 'webstore',
        externalId: `RACE-${i}-${randomUUID()}`,
        buyer: { name: `Racer ${i}`, email: `racer${i}@example.com` },
        currency: 'CNY',
        lines: [{ sku: SKU, quantity: 1, unitPrice: '99.00' }],
        shippingAddress: { country: 'CN', city: 'Wuhan' },
      },
    });

  const statuses = async (ids: string[]) =>
    db.rows<{ id: string; status: string }>('SELECT id, status FROM orders.sales_order WHERE id = ANY($1::uuid[])', [
      ids,
    ]);

  /** `ALLOCATED 12, BACKORDERED 30, PLACED 158`: how far the orders got. */
  const tally = (rows: { status: string }[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return [...counts.keys()]
      .sort()
      .map((status) => `${status} ${counts.get(status)}`)
      .join(', ');
  };

  const allAllocated = (ids: string[], what: string) =>
    untilDone(async () => {
      const rows = await statuses(ids);
      return { done: rows.every((r) => r.status === 'ALLOCATED') || undefined, progress: tally(rows) };
    }, what);

  it('200 concurrent orders for 50 units: exactly 50 reserved, 150 backordered, no level ever negative', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => place(i)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const ids = results.map((r) => r.data!.placeOrder.order!.id);
    // 200 orders queue on one stock row, one transaction at a time: how long that takes depends on the machine's
    // load, so the wait fails only when the orders stop moving (an event lost or stuck), saying where they stopped.
    const settled = await untilDone(async () => {
      const rows = await statuses(ids);
      const open = rows.filter((r) => r.status !== 'ALLOCATED' && r.status !== 'BACKORDERED');
      return { done: open.length ? undefined : rows, progress: tally(rows) };
    }, 'all 200 orders allocated or backordered');
    expect(settled.filter((r) => r.status === 'ALLOCATED')).toHaveLength(50);
    expect(settled.filter((r) => r.status === 'BACKORDERED')).toHaveLength(150);
    const [reserved] = await db.rows<{ units: number }>(
      `SELECT coalesce(sum(quantity), 0)::int AS units FROM inventory.allocation
       WHERE sku = $1 AND order_id = ANY($2::uuid[]) AND released_at IS NULL`,
      [SKU, ids],
    );
    expect(reserved.units).toBe(50);
    const levels = await db.rows<{ available: number; on_hand: number; reserved: number }>(
      `SELECT on_hand - reserved - safety_stock AS available, on_hand, reserved
       FROM inventory.stock_level WHERE sku = $1`,
      [SKU],
    );
    for (const level of levels) {
      expect(level.available).toBe(0);
      expect(level.reserved).toBeLessThanOrEqual(level.on_hand);
    }

    // Cancelling 10 allocated orders frees 10 units for the 10 oldest backorders.
    const oldest = await db.rows<{ order_id: string }>(
      `SELECT order_id FROM inventory.backorder WHERE order_id = ANY($1::uuid[])
       ORDER BY created_at, order_id LIMIT 10`,
      [ids],
    );
    const allocated = settled
      .filter((r) => r.status === 'ALLOCATED')
      .slice(0, 10)
      .map((r) => r.id);
    for (const id of allocated) {
      const cancelled = await ask(CANCEL, { id });
      expect(cancelled.data?.cancelOrder.status).toBe('CANCELLED');
    }
    const promoted = oldest.map((o) => o.order_id);
    await allAllocated(promoted, 'the 10 oldest backorders allocated');
    const after = await statuses(ids);
    expect(after.filter((r) => r.status === 'ALLOCATED')).toHaveLength(50);
    expect(after.filter((r) => r.status === 'BACKORDERED')).toHaveLength(140);
    // Stock equals the sum of its movements: every reservation and release is on the ledger.
    const [ledger] = await db.rows<{ reserved: number }>(
      `SELECT (coalesce(sum(quantity) FILTER (WHERE kind = 'RESERVE'), 0)
               - coalesce(sum(quantity) FILTER (WHERE kind = 'RELEASE'), 0))::int AS reserved
     FROM inventory.stock_movement WHERE sku = $1 AND order_id = ANY($2::uuid[])`,
      [SKU, ids],
    );
    expect(ledger.reserved).toBe(50);

    // Stock arriving (a positive adjustment) goes to the oldest waiting orders at once.
    const next = await db.rows<{ order_id: string }>(
      'SELECT order_id FROM inventory.backorder WHERE order_id = ANY($1::uuid[]) ORDER BY created_at, order_id LIMIT 5',
      [ids],
    );
    const [home] = await db.rows<{ warehouse_id: string }>(
      'SELECT warehouse_id FROM inventory.stock_level WHERE sku = $1 ORDER BY on_hand DESC, warehouse_id LIMIT 1',
      [SKU],
    );
    const adjusted = await ask(DELIVERY, { sku: SKU, w: home.warehouse_id });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data!.adjustStock.available).toBe(0);
    await allAllocated(
      next.map((o) => o.order_id),
      'the 5 oldest backorders allocated after the delivery',
    );
    expect((await statuses(ids)).filter((r) => r.status === 'BACKORDERED')).toHaveLength(135);
  }, 600_000);

  it('the same (channel, externalId) placed 10 times at once gives one order', async () => {
    const externalId = `DUP-${randomUUID()}`;
    const input: PlaceOrderInput = {
      channel: 'webstore',
      externalId,
      buyer: { name: 'Dup Buyer', email: 'dup@example.com' },
      currency: 'CNY',
      lines: [{ sku: 'SKU-0001', quantity: 1, unitPrice: '10.00' }],
      shippingAddress: { country: 'CN', city: 'Beijing' },
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => ask(PLACE_ORDER, { input })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.placeOrder.order!.id)).size).toBe(1);
    expect(results.filter((r) => r.data!.placeOrder.created)).toHaveLength(1);
    const rows = await db.rows('SELECT id FROM orders.sales_order WHERE channel_code = $1 AND external_id = $2', [
      'webstore',
      externalId,
    ]);
    expect(rows).toHaveLength(1);
  });
});
