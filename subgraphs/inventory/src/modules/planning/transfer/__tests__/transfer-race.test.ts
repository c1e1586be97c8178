import { describeEachBackend } from '@supply-graph/shared/testing';
import { stockLedgerMismatches } from '../../../ledger/stock-ledger.service';
import { placed } from '../../../quota/__tests__/inventory-fixture';
import { reserveForOrder } from '../../../reservation/reservation.service';
import { defaultInventoryStrategies } from '../../../../strategies';
import { transferService } from '../transfer.service';
import { startTransferDb, type TransferFixture } from './transfer-fixture';

const routing = defaultInventoryStrategies();

interface Snapshot {
  on_hand: number;
  in_transit: number;
  min_available: number;
}

// One statement, so one snapshot: every unit is on a shelf or on the way, never both, never neither.
const SNAPSHOT_SQL = `
  SELECT (SELECT coalesce(sum(on_hand), 0) FROM stock_level WHERE sku = $1)::int AS on_hand,
         (SELECT coalesce(sum(quantity - received - returned), 0) FROM stock_transfer
          WHERE sku = $1 AND status = 'IN_TRANSIT')::int AS in_transit,
         (SELECT coalesce(min(on_hand - reserved - safety_stock), 0) FROM stock_level WHERE sku = $1)::int
           AS min_available`;

describeEachBackend('transfers racing reservations (real concurrency)', (backend) => {
  let fx: TransferFixture;

  beforeAll(async () => {
    fx = await startTransferDb(backend);
  });
  afterAll(() => fx?.close());

  const snapshot = async (sku: string) => ((await fx.db.query(SNAPSHOT_SQL, [sku])) as Snapshot[])[0];

  /** Reads snapshots of the SKU until `done` settles; every one of them must hold `total` units. */
  async function watch<T>(sku: string, done: Promise<T>): Promise<{ result: T; seen: Snapshot[] }> {
    let finished = false;
    const settled = done.finally(() => {
      finished = true;
    });
    const seen: Snapshot[] = [];
    while (!finished) seen.push(await snapshot(sku));
    return { result: await settled, seen };
  }

  const outcome = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ ok: true as const, value }),
      (err: { code?: string }) => ({ ok: false as const, code: err.code ?? String(err) }),
    );

  it('orders and a transfer taking from the same warehouse at once: no unit is promised twice or counted twice', async () => {
    for (const [i, transferUnits] of [12, 6, 18, 9].entries()) {
      const sku = `RACE-${i}`;
      // 20 on hand, 2 kept as safety stock: 18 can be promised or sent, not both.
      await fx.stock(sku, { SHA: { onHand: 20, safetyStock: 2 } });
      const orders = Array.from({ length: 12 }, () => placed([{ sku, quantity: 2 }]));
      const race = Promise.all([
        outcome(
          transferService.send(fx.ctx(undefined, { retry: false }), {
            sku,
            fromWarehouseId: fx.warehouses.SHA,
            toWarehouseId: fx.warehouses.PEK,
            quantity: transferUnits,
            reason: 'race',
          }),
        ),
        ...orders.map((o) => outcome(fx.inTx((tx) => reserveForOrder(tx, o, routing)))),
      ]);
      const { result, seen } = await watch(sku, race);
      const [transfer, ...reservations] = result;
      // Every order was decided (no deadlock, no error), and the transfer either went or was refused for stock.
      expect(
        reservations.map((r) => (r.ok ? r.value : r.code)).filter((r) => r !== 'reserved' && r !== 'backordered'),
      ).toEqual([]);
      if (!transfer.ok) expect(transfer.code).toBe('CONFLICT');
      const reserved = reservations.filter((r) => r.ok && r.value === 'reserved').length * 2;
      const sent = transfer.ok ? transferUnits : 0;
      expect(reserved + sent).toBeLessThanOrEqual(18);
      // Demand (24 units and the transfer) exceeds the 18: whatever is left could not have served another order.
      expect(18 - reserved - sent).toBeLessThan(2);
      for (const s of [...seen, await snapshot(sku)]) {
        expect(s.on_hand + s.in_transit).toBe(20);
        expect(s.min_available).toBeGreaterThanOrEqual(0);
      }
      expect(await fx.level(sku, 'SHA')).toMatchObject({ on_hand: 20 - sent, reserved });
      expect(await stockLedgerMismatches(fx.db, sku)).toEqual([]);
    }
  });

  it('receipts racing each other and new orders at the destination: received once, nothing lost', async () => {
    await fx.stock('RACE-R', { SHA: { onHand: 30 } });
    const sent = await transferService.send(fx.ctx(), {
      sku: 'RACE-R',
      fromWarehouseId: fx.warehouses.SHA,
      toWarehouseId: fx.warehouses.PEK,
      quantity: 30,
      reason: 'move everything north',
    });
    const orders = Array.from({ length: 10 }, () => placed([{ sku: 'RACE-R', quantity: 2 }]));
    const { result, seen } = await watch(
      'RACE-R',
      Promise.all([
        ...[1, 2, 3, 4].map(() => outcome(transferService.receive(fx.ctx(undefined, { retry: false }), sent.id, null))),
        ...orders.map((o) => outcome(fx.inTx((tx) => reserveForOrder(tx, o, routing)))),
      ]),
    );
    const receipts = result.slice(0, 4);
    expect(receipts.filter((r) => r.ok)).toHaveLength(1);
    expect(receipts.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    for (const s of [...seen, await snapshot('RACE-R')]) expect(s.on_hand + s.in_transit).toBe(30);
    // Orders that came before the units waited and were served by the receipt; later ones found the units.
    expect(await fx.count(`SELECT count(*) AS n FROM backorder WHERE request::text LIKE '%RACE-R%'`)).toBe(0);
    expect(await fx.level('RACE-R', 'PEK')).toMatchObject({ on_hand: 30, reserved: 20 });
    expect(await stockLedgerMismatches(fx.db, 'RACE-R')).toEqual([]);
  });

  it('transfers in opposite directions at once wait for each other instead of deadlocking', async () => {
    await fx.stock('RACE-X', { SHA: { onHand: 50 }, PEK: { onHand: 50 } });
    const moves = Array.from({ length: 24 }, (_, i) =>
      outcome(
        transferService
          .send(fx.ctx(undefined, { retry: false }), {
            sku: 'RACE-X',
            fromWarehouseId: i % 2 ? fx.warehouses.SHA : fx.warehouses.PEK,
            toWarehouseId: i % 2 ? fx.warehouses.PEK : fx.warehouses.SHA,
            quantity: 3,
            reason: `swap ${i}`,
          })
          .then((t) => transferService.receive(fx.ctx(undefined, { retry: false }), t.id, null)),
      ),
    );
    const done = await Promise.all(moves);
    expect(done.filter((r) => !r.ok)).toEqual([]);
    expect(await fx.level('RACE-X', 'SHA')).toMatchObject({ on_hand: 50 });
    expect(await fx.level('RACE-X', 'PEK')).toMatchObject({ on_hand: 50 });
    expect(await stockLedgerMismatches(fx.db, 'RACE-X')).toEqual([]);
  });
});
