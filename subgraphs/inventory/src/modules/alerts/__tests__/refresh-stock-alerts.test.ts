import { describeEachBackend } from '@supply-graph/shared/testing';
import { releaseForOrder } from '../../reservation/release.service';
import { reserveForOrder } from '../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../strategies';
import { placed, startInventoryDb, type InventoryFixture } from '../../quota/__tests__/inventory-fixture';
import { refreshStockAlerts } from '../refresh-stock-alerts';

const routing = defaultInventoryStrategies();

interface AlertRow {
  kind: string;
  warehouse_id: string | null;
  message: string;
  closed: boolean;
}

describeEachBackend('stock alerts', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const alerts = (sku: string) =>
    fx.db.query(
      'SELECT kind, warehouse_id, message, closed_at IS NOT NULL AS closed FROM stock_alert ' +
        'WHERE sku = $1 ORDER BY opened_at, kind',
      [sku],
    ) as Promise<AlertRow[]>;

  it('raises LOW_STOCK once when available drops below the safety stock, closing it when it is back', async () => {
    // on hand 20, safety 5: available 15; the alert starts below 5 available (on_hand - reserved < 10).
    await fx.addProduct('A-1', { SHA: { onHand: 20, safetyStock: 5 } });
    await fx.inTx((tx) => reserveForOrder(tx, placed([{ sku: 'A-1', quantity: 10 }]), routing));
    expect(await alerts('A-1')).toEqual([]); // exactly 5 available: at the line, not below it
    const tipping = placed([{ sku: 'A-1', quantity: 1 }]);
    await fx.inTx((tx) => reserveForOrder(tx, tipping, routing));
    expect(await alerts('A-1')).toEqual([
      {
        kind: 'LOW_STOCK',
        warehouse_id: fx.warehouses.SHA,
        message: 'A-1: 4 unit(s) available at SHA, below the safety stock of 5',
        closed: false,
      },
    ]);
    // Still low after another reservation: still one open alert.
    await fx.inTx((tx) => reserveForOrder(tx, placed([{ sku: 'A-1', quantity: 2 }]), routing));
    expect(await alerts('A-1')).toHaveLength(1);

    await fx.inTx((tx) => releaseForOrder(tx, tipping.orderId, 'cancelled', routing));
    expect((await alerts('A-1')).map((a) => a.closed)).toEqual([false]); // 3 available: still low
    await fx.db.query('UPDATE stock_level SET on_hand = on_hand + 10 WHERE sku = $1', ['A-1']);
    await fx.inTx((tx) => refreshStockAlerts(tx.manager, ['A-1']));
    expect((await alerts('A-1')).map((a) => a.closed)).toEqual([true]);
  });

  it('tells the desk of each alert opened and closed, with one key per occurrence', async () => {
    await fx.addProduct('A-5', { SHA: { onHand: 20, safetyStock: 5 } });
    const announced = async () =>
      (
        (await fx.db.query(
          `SELECT type, payload FROM outbox WHERE type IN ('alert.raised', 'alert.cleared')
             AND (payload->>'alertKey') IN (SELECT 'inventory:' || kind || ':' || id FROM stock_alert WHERE sku = $1)
           ORDER BY seq`,
          ['A-5'],
        )) as { type: string; payload: Record<string, unknown> }[]
      ).map((e) => ({ type: e.type, ...e.payload }) as { type: string; alertKey?: string });
    await fx.db.query('UPDATE stock_level SET reserved = 12 WHERE sku = $1', ['A-5']);
    await fx.inTx((tx) => refreshStockAlerts(tx.manager, ['A-5']));
    await fx.inTx((tx) => refreshStockAlerts(tx.manager, ['A-5']));
    const [raised] = await announced();
    expect(raised).toMatchObject({
      type: 'alert.raised',
      source: 'inventory',
      kind: 'LOW_STOCK',
      subject: { type: 'StockLevel', id: `A-5@${fx.warehouses.SHA}` },
      channel: null,
      summary: 'A-5: 3 unit(s) available at SHA, below the safety stock of 5',
    });
    await fx.db.query('UPDATE stock_level SET reserved = 0 WHERE sku = $1', ['A-5']);
    await fx.inTx((tx) => refreshStockAlerts(tx.manager, ['A-5']));
    const events = await announced();
    expect(events.map((e) => e.type)).toEqual(['alert.raised', 'alert.cleared']);
    expect(events[1].alertKey).toBe(raised.alertKey);
  });

  it('never raises LOW_STOCK for a level without safety stock', async () => {
    await fx.addProduct('A-2', { SHA: { onHand: 3 } });
    await fx.inTx((tx) => reserveForOrder(tx, placed([{ sku: 'A-2', quantity: 3 }]), routing));
    expect(await alerts('A-2')).toEqual([]);
  });

  it('raises DEMAND_EXCEEDS_SUPPLY while backordered units outnumber available ones, and then closes it', async () => {
    await fx.addProduct('A-3', { SHA: { onHand: 4 }, PEK: { onHand: 2 } });
    const big = placed([{ sku: 'A-3', quantity: 8 }]);
    expect(await fx.inTx((tx) => reserveForOrder(tx, big, routing))).toBe('backordered');
    expect(await alerts('A-3')).toEqual([
      {
        kind: 'DEMAND_EXCEEDS_SUPPLY',
        warehouse_id: null,
        message: 'A-3: 8 unit(s) on backordered orders, 6 available in all warehouses',
        closed: false,
      },
    ]);
    // A second backorder: still one open alert.
    const small = placed([{ sku: 'A-3', quantity: 7 }]);
    await fx.inTx((tx) => reserveForOrder(tx, small, routing));
    expect(await alerts('A-3')).toHaveLength(1);
    await fx.inTx((tx) => releaseForOrder(tx, big.orderId, 'cancelled', routing));
    expect((await alerts('A-3')).map((a) => a.closed)).toEqual([false]); // 7 wanted, 6 available
    await fx.inTx((tx) => releaseForOrder(tx, small.orderId, 'cancelled', routing));
    expect((await alerts('A-3')).map((a) => a.closed)).toEqual([true]);
  });

  it('keeps one open alert per (sku, warehouse, kind) when many transactions judge it at once', async () => {
    await fx.addProduct('A-4', { SHA: { onHand: 2, safetyStock: 2 }, PEK: { onHand: 2, safetyStock: 2 } });
    await Promise.all(Array.from({ length: 20 }, () => fx.inTx((tx) => refreshStockAlerts(tx.manager, ['A-4']))));
    const open = await alerts('A-4');
    expect(open.map((a) => a.warehouse_id).sort()).toEqual([fx.warehouses.SHA, fx.warehouses.PEK].sort());
  });
});
