import { describeEachBackend } from '@supply-graph/shared/testing';
import { placed, startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { reserveForOrder } from '../../../reservation/reservation.service';
import { recomputeSafetyStock } from '../safety-stock-recompute';
import { NOW, plannerDeps, storeFit } from './planning-fixture';

// errorSd giving 10 and 30 units at the defaults (1.6449 x sd x sqrt(7)): 9.97 and 29.99.
const LOW_SD = 2.29;
const HIGH_SD = 6.89;

describeEachBackend('safety-stock recompute racing with reservations', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(() => fx?.close());

  interface Snapshot {
    on_hand: number;
    reserved: number;
    safety_stock: number;
    allocated: number;
    ledger: number;
  }
  // One statement, so one snapshot: the level, its live allocations and its RESERVE movements agree or they do not.
  const snapshot = async (sku: string) =>
    (
      (await fx.db.query(
        `SELECT s.on_hand, s.reserved, s.safety_stock,
                (SELECT coalesce(sum(quantity), 0)::int FROM allocation WHERE sku = s.sku AND released_at IS NULL)
                  AS allocated,
                (SELECT coalesce(sum(quantity), 0)::int FROM stock_movement WHERE sku = s.sku AND kind = 'RESERVE')
                  AS ledger
         FROM stock_level s WHERE s.sku = $1`,
        [sku],
      )) as Snapshot[]
    )[0];

  it('80 orders for 60 units while the safety stock swings between 10 and 30: none oversold, sums exact', async () => {
    await fx.addProduct('RACE-1', { SHA: { onHand: 60, safetyStock: 0 } });
    await storeFit(fx, 'RACE-1', 'SHA', { errorSd: LOW_SD });
    const deps = plannerDeps(fx);
    const recompute = () => recomputeSafetyStock(deps, { skus: ['RACE-1'], reason: 'race', now: NOW });
    expect((await recompute()).map((c) => c.newSafetyStock)).toEqual([10]);

    const orders = Array.from({ length: 80 }, () => placed([{ sku: 'RACE-1', quantity: 1 }]));
    // Eight buyers at a time, each in its own transaction, while the safety stock swings until they are done.
    let done = false;
    const queue = [...orders];
    const buyer = async () => {
      for (let o = queue.shift(); o; o = queue.shift()) {
        const order = o;
        await fx.inTx((tx) => reserveForOrder(tx, order, deps));
      }
    };
    const buying = Promise.all(Array.from({ length: 8 }, buyer)).finally(() => {
      done = true;
    });
    const swinging = (async () => {
      for (let i = 0; !done; i++) {
        await fx.db.query("UPDATE forecast_fit SET error_sd = $1 WHERE sku = 'RACE-1'", [i % 2 ? LOW_SD : HIGH_SD]);
        await recompute();
      }
    })();
    const seen: Snapshot[] = [];
    while (!done) seen.push(await snapshot('RACE-1'));
    await Promise.all([buying, swinging]);
    await fx.db.query("UPDATE forecast_fit SET error_sd = $1 WHERE sku = 'RACE-1'", [LOW_SD]);
    await recompute();

    // The race happened: orders were reserved under both safety stocks.
    const midway = seen.filter((s) => s.reserved > 0 && s.reserved < 50);
    expect(new Set(midway.map((s) => s.safety_stock))).toEqual(new Set([10, 30]));
    for (const s of seen) {
      // Never more promised than on hand less the lowest safety stock in force, and every unit accounted for.
      expect(s.reserved).toBeLessThanOrEqual(s.on_hand - 10);
      expect(s.allocated).toBe(s.reserved);
      expect(s.ledger).toBe(s.reserved);
    }
    // The last recompute left it at 10: the waiting orders took what that freed, oldest first.
    const end = await snapshot('RACE-1');
    expect(end).toEqual({ on_hand: 60, reserved: 50, safety_stock: 10, allocated: 50, ledger: 50 });
    const [{ waiting }] = (await fx.db.query(
      `SELECT count(*)::int AS waiting FROM backorder WHERE request->'lines' @> '[{"sku": "RACE-1"}]'`,
    )) as { waiting: number }[];
    const [{ allocatedOrders }] = (await fx.db.query(
      `SELECT count(DISTINCT order_id)::int AS "allocatedOrders" FROM allocation WHERE sku = 'RACE-1'`,
    )) as { allocatedOrders: number }[];
    expect([allocatedOrders, waiting]).toEqual([50, 30]);
  });
});
