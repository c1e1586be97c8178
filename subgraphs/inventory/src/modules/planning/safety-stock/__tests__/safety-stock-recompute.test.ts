import { describeEachBackend } from '@supply-graph/shared/testing';
import { placed, startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { reserveForOrder } from '../../../reservation/reservation.service';
import { planningTargets } from '../planning-targets';
import { recomputeSafetyStock } from '../safety-stock-recompute';
import { recomputeIfDue } from '../safety-stock.job';
import { NOW, plannerDeps, storeFit } from './planning-fixture';

describeEachBackend('safety-stock recompute', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(() => fx?.close());

  const recompute = (skus: string[], env?: Record<string, string>) =>
    recomputeSafetyStock(plannerDeps(fx, env), { skus, reason: 'test', now: NOW });
  const openAlerts = async (sku: string) =>
    (
      (await fx.db.query('SELECT kind FROM stock_alert WHERE sku = $1 AND closed_at IS NULL ORDER BY kind', [sku])) as {
        kind: string;
      }[]
    ).map((r) => r.kind);

  it('a level whose forecast saw enough history turns dynamic; one with too little keeps its fixed number', async () => {
    await fx.addProduct('SS-1', { SHA: { onHand: 100, safetyStock: 5 }, PEK: { onHand: 100, safetyStock: 5 } });
    await storeFit(fx, 'SS-1', 'SHA', { errorSd: 4, historyDays: 120, daily: 3 });
    await storeFit(fx, 'SS-1', 'PEK', { errorSd: 4, historyDays: 40, daily: 3 });
    const changes = await recompute(['SS-1']);
    // 1.6449 x 4 x sqrt(7) = 17.4: 18 units; the reorder point adds 7 days of 3 units.
    expect(changes).toEqual([
      expect.objectContaining({
        sku: 'SS-1',
        warehouseId: fx.warehouses.SHA,
        reason: 'test',
        oldSafetyStock: 5,
        newSafetyStock: 18,
        source: 'DYNAMIC',
        errorSd: 4,
        historyDays: 120,
        leadTimeDays: 7,
        serviceLevel: 0.95,
        uplift: 1,
        leadTimeDemand: 21,
        reorderPoint: 39,
      }),
    ]);
    expect(changes[0].z).toBeCloseTo(1.6449, 4);
    expect((await fx.level('SS-1', 'SHA')).safety_stock).toBe(18);
    expect((await fx.level('SS-1', 'PEK')).safety_stock).toBe(5);
    const pairs = [fx.warehouses.SHA, fx.warehouses.PEK].map((warehouseId) => ({ sku: 'SS-1', warehouseId }));
    const targets = await planningTargets(fx.db, pairs, NOW);
    const shown = pairs.map((p) => targets.get(`SS-1@${p.warehouseId}`)!);
    expect(shown.map((t) => [t.source, t.safetyStock, t.fixedSafetyStock, t.reorderPoint])).toEqual([
      ['DYNAMIC', 18, 5, 39],
      ['FIXED', 5, 5, 26],
    ]);
    // Nothing new to say: a second recompute changes nothing.
    expect(await recompute(['SS-1'])).toEqual([]);
  });

  it('with a shorter minimum history the other level turns dynamic too; without its fit it returns to the fixed number', async () => {
    await fx.addProduct('SS-2', { SHA: { onHand: 100, safetyStock: 7 } });
    await storeFit(fx, 'SS-2', 'SHA', { errorSd: 2, historyDays: 30 });
    expect(await recompute(['SS-2'])).toEqual([]);
    const dynamic = await recompute(['SS-2'], { INVENTORY_SAFETY_STOCK_MIN_HISTORY_DAYS: '28' });
    expect(dynamic.map((c) => [c.oldSafetyStock, c.newSafetyStock, c.source])).toEqual([[7, 9, 'DYNAMIC']]);
    await fx.db.query("DELETE FROM forecast_fit WHERE sku = 'SS-2'");
    const fixed = await recompute(['SS-2']);
    expect(fixed.map((c) => [c.oldSafetyStock, c.newSafetyStock, c.source, c.errorSd])).toEqual([
      [9, 7, 'FIXED', null],
    ]);
    expect((await fx.level('SS-2', 'SHA')).safety_stock).toBe(7);
  });

  it('units a lower safety stock frees go to the waiting order at once, and the alerts follow', async () => {
    await fx.addProduct('SS-3', { SHA: { onHand: 30, safetyStock: 20 } });
    const order = placed([{ sku: 'SS-3', quantity: 15 }]);
    const routing = plannerDeps(fx);
    expect(await fx.inTx((tx) => reserveForOrder(tx, order, routing))).toBe('backordered');
    expect(await openAlerts('SS-3')).toEqual(['DEMAND_EXCEEDS_SUPPLY', 'LOW_STOCK']);
    // 1.6449 x 0.4 x sqrt(7) = 1.7: 2 units.
    await storeFit(fx, 'SS-3', 'SHA', { errorSd: 0.4 });
    const [change] = await recompute(['SS-3']);
    expect(change).toMatchObject({ oldSafetyStock: 20, newSafetyStock: 2 });
    expect(await fx.level('SS-3', 'SHA')).toMatchObject({ on_hand: 30, reserved: 15, safety_stock: 2 });
    expect(await fx.db.query('SELECT 1 FROM backorder WHERE order_id = $1', [order.orderId])).toEqual([]);
    expect(await openAlerts('SS-3')).toEqual([]);
  });

  it('a raised safety stock opens a LOW_STOCK alert', async () => {
    await fx.addProduct('SS-4', { SHA: { onHand: 50, safetyStock: 0 } });
    await storeFit(fx, 'SS-4', 'SHA', { errorSd: 10 });
    const [change] = await recompute(['SS-4']);
    expect(change.newSafetyStock).toBe(44); // 1.6449 x 10 x sqrt(7) = 43.5
    expect(await openAlerts('SS-4')).toEqual(['LOW_STOCK']);
  });

  it('a policy for the SKU beats one for its warehouse, which beats the configuration', async () => {
    await fx.addProduct('SS-5', { SHA: { onHand: 100 }, PEK: { onHand: 100 } });
    await storeFit(fx, 'SS-5', 'SHA', { errorSd: 4 });
    await storeFit(fx, 'SS-5', 'PEK', { errorSd: 4 });
    await fx.db.query('INSERT INTO planning_policy (warehouse_id, lead_time_days) VALUES ($1, 14), ($2, 14)', [
      fx.warehouses.SHA,
      fx.warehouses.PEK,
    ]);
    await fx.db.query(
      "INSERT INTO planning_policy (warehouse_id, sku, lead_time_days, service_level) VALUES ($1, 'SS-5', 2, 0.99)",
      [fx.warehouses.PEK],
    );
    const changes = await recompute(['SS-5'], { INVENTORY_SERVICE_LEVEL: '0.9' });
    // SHA: 1.2816 x 4 x sqrt(14) = 19.2; PEK: 2.3263 x 4 x sqrt(2) = 13.2.
    expect(changes.map((c) => [c.warehouseId, c.leadTimeDays, c.serviceLevel, c.newSafetyStock])).toEqual(
      [
        [fx.warehouses.SHA, 14, 0.9, 20],
        [fx.warehouses.PEK, 2, 0.99, 14],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('the job recomputes once, then when a refit is newer, the settings change or the hour has passed', async () => {
    const deps = plannerDeps(fx);
    const t0 = new Date();
    expect((await recomputeIfDue(deps, t0)).reason).toBe('first recompute');
    expect((await recomputeIfDue(deps, t0)).reason).toBeNull();
    await fx.addProduct('SS-6', { SHA: { onHand: 100, safetyStock: 1 } });
    await storeFit(fx, 'SS-6', 'SHA', { errorSd: 4, fittedAt: new Date(Date.now() + 1000) });
    const refit = await recomputeIfDue(deps, t0);
    expect(refit).toEqual({ reason: 'forecasts refitted', changed: 1 });
    expect((await recomputeIfDue(deps, t0)).reason).toBeNull();
    expect((await recomputeIfDue(plannerDeps(fx, { INVENTORY_SERVICE_LEVEL: '0.9' }), t0)).reason).toBe(
      'planning settings changed',
    );
    expect((await recomputeIfDue(deps, t0)).reason).toBe('planning settings changed');
    expect((await recomputeIfDue(deps, new Date(Date.now() + 61 * 60_000))).reason).toBe('scheduled recompute');
  });
});
