import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { poisonInserts } from '../support/sql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { POISON_PLATFORM, poisonDriver, RETRY } from './poison-support';

const ADJUST = graphql(`
  mutation PoisonDelivery($sku: ID!, $w: ID!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: 1000, reason: "supplier delivery") { sku }
  }
`);

/**
 * Orders' own consumer fails on one order's allocation every time: its event
 * is parked in orders, the order held, and a retry once fixed allocates it.
 */
describeEachBus("a poison event in orders' own consumer", (bus, backend) => {
  const { db, ask } = usePlatform(backend, { ...POISON_PLATFORM, bus });
  const { place, view, parked } = poisonDriver({ ask, db });

  it('holds the BACKORDERED order when its step fails; a retry once fixed allocates it', async () => {
    // More than there is of a SKU: the order waits for stock. A level under its safety stock offers nothing (not
    // less than nothing), as allocation counts it.
    const [short] = await db.rows<{ sku: string; available: number; warehouse_id: string }>(
      `SELECT sku, sum(greatest(on_hand - reserved - safety_stock, 0))::int AS available, min(warehouse_id::text) AS warehouse_id
       FROM inventory.stock_level GROUP BY sku HAVING sum(greatest(on_hand - reserved - safety_stock, 0)) >= 1
       ORDER BY 2, sku LIMIT 1`,
    );
    const quantity = short.available + 1;
    // A cent a unit: a large first order is what the high-value risk rule holds, and that is not this test.
    const id = await place(short.sku, quantity, '0.01');
    await eventually(async () => (await view(id)).status === 'BACKORDERED', 'the order BACKORDERED');
    // Orders itself refuses to record this order's allocation, every time.
    await poisonInserts(db, {
      table: 'orders.order_status_change',
      fn: 'orders.poison_allocated',
      when: `NEW.order_id = '${id}' AND NEW.to_status = 'ALLOCATED'`,
      raise: "'integer out of range (test trigger on the order history)'",
    });

    // Stock arrives: inventory allocates the backorder, and orders fails on the news.
    const adjusted = await ask(ADJUST, { sku: short.sku, w: short.warehouse_id });
    expect(adjusted.errors).toBeUndefined();
    const held = await eventually(
      async () => {
        const o = await view(id);
        return o.status === 'ON_HOLD' ? o : undefined;
      },
      'the backordered order ON_HOLD',
      30_000,
    );
    expect(held.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'BACKORDERED', 'ON_HOLD']);
    expect(held.statusHistory[2].reason).toMatch(
      /^orders\.stock could not handle stock\.reserved after 3 attempt\(s\): integer out of range/,
    );
    const first = (await parked({ service: 'orders' })).find((p) => p.orderId === id)!;
    expect(first).toMatchObject({
      consumer: 'orders.stock',
      eventType: 'stock.reserved',
      aggregateType: 'order-stock',
      aggregateId: id,
      status: 'PARKED',
    });

    // Retried before the cause is fixed: the parked event itself goes through (the order is held, so
    // there is nothing to record) and the order is released; the reservation announced again then
    // fails the same way, is parked in turn, and the order is back ON_HOLD. Nothing is lost or stuck.
    expect((await ask(RETRY, { id: first.id })).errors).toBeUndefined();
    const again = await eventually(
      async () => {
        const all = await parked({ service: 'orders' });
        const fresh = all.find((p) => p.orderId === id && p.status === 'PARKED' && p.id !== first.id);
        return fresh && all.some((p) => p.id === first.id && p.status === 'RETRIED') ? fresh : undefined;
      },
      'the first parked event RETRIED and the re-announcement parked',
      30_000,
    );
    await eventually(async () => (await view(id)).statusHistory.length === 5, 'the order held again');
    expect((await view(id)).statusHistory.map((h) => h.to)).toEqual([
      'PENDING',
      'BACKORDERED',
      'ON_HOLD',
      'PENDING',
      'ON_HOLD',
    ]);

    await db.query('DROP TRIGGER poison ON orders.order_status_change');
    expect((await ask(RETRY, { id: again.id })).errors).toBeUndefined();
    const allocated = await eventually(
      async () => {
        const o = await view(id);
        return o.status === 'ALLOCATED' ? o : undefined;
      },
      'the order ALLOCATED after the retry',
      30_000,
    );
    expect(allocated.statusHistory.map((h) => h.to)).toEqual([
      'PENDING',
      'BACKORDERED',
      'ON_HOLD',
      'PENDING',
      'ON_HOLD',
      'PENDING',
      'ALLOCATED',
    ]);
    await new Promise((r) => setTimeout(r, 1000));
    // Reserved once: the release made inventory announce the reservation again, not make another.
    const [reserved] = await db.rows<{ units: number }>(
      `SELECT coalesce(sum(quantity), 0)::int AS units FROM inventory.stock_movement
       WHERE order_id = $1 AND kind = 'RESERVE'`,
      [id],
    );
    expect(reserved.units).toBe(quantity);
    expect((await view(id)).allocations!.reduce((n, a) => n + a.quantity, 0)).toBe(quantity);
  }, 120_000);
});
