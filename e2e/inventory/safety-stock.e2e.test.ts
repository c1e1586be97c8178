import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { usePlatform } from '../support/use-platform';
import { inventoryDriver } from './inventory-support';

const LEVEL = graphql(`
  query SafetyStockLevel($sku: ID!) {
    product(sku: $sku) {
      stockLevels {
        warehouse { id code } safetyStock available safetyStockSource fixedSafetyStock reorderPoint leadTimeDays
        reviewDays serviceLevel
        safetyStockChanges(first: 5) {
          reason oldSafetyStock newSafetyStock source errorSd historyDays leadTimeDays serviceLevel z uplift
          leadTimeDemand reorderPoint
        }
      }
    }
  }
`);
const RECOMPUTE = graphql(`
  mutation SafetyStockRecompute($skus: [ID!]!) {
    recomputeSafetyStock(skus: $skus) { sku warehouseId oldSafetyStock newSafetyStock source uplift }
  }
`);
const SET_POLICY = graphql(`
  mutation SafetyStockPolicy($w: ID!, $sku: ID, $lead: Int, $level: Float) {
    setPlanningPolicy(warehouseId: $w, sku: $sku, leadTimeDays: $lead, serviceLevel: $level) {
      policy { sku leadTimeDays serviceLevel } changes { oldSafetyStock newSafetyStock }
    }
  }
`);

const PLAN_PROMOTION = graphql(`
  mutation SafetyStockPromotion($input: PlanPromotionInput!) { planPromotion(input: $input) { id } }
`);
const CANCEL_PROMOTION = graphql(`
  mutation SafetyStockPromotionCancel($id: ID!) { cancelPromotion(id: $id) { id } }
`);

// 1.6449 x 4 x sqrt(7) = 17.4: the dynamic safety stock of a forecast 4 units a day wrong, at the defaults.
const DYNAMIC_SS = 18;

describePlatformSuite('dynamic safety stock through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  const drive = inventoryDriver({ ask, db });

  // The demo's promotions (a year-end sale on the whole catalogue 12 days on) would reach into long lead times:
  // these tests plan the only promotion they count on.
  beforeAll(() => db.query("UPDATE inventory.promotion SET cancelled_at = now(), cancelled_by = 'e2e'"));

  /**
   * A SKU with its own fit at SHA (whatever the seed or a refit stored): 120 days of history, 3 units a day,
   * wrong by 4 a day; its other warehouses have nothing to sell, so orders for it wait for SHA.
   */
  const fittedSku = async () => {
    const { sku, warehouseId } = await drive.freshSku(1);
    await db.query('DELETE FROM inventory.forecast_fit WHERE sku = $1', [sku]);
    await db.query(
      `INSERT INTO inventory.forecast_fit (sku, warehouse_id, model, level, history_days, mean_daily, error_sd,
         holdout_wape, first_day, fitted_at)
       VALUES ($1, $2, 'mstl-ets', 0.8, 120, 3, 4, 0.4, current_date, now())`,
      [sku, warehouseId],
    );
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock WHERE sku = $1', [sku]);
    return { sku, warehouseId };
  };
  const shaLevel = async (sku: string) => {
    const result = await ask(LEVEL, { sku });
    expect(result.errors).toBeUndefined();
    return result.data!.product!.stockLevels.find((l) => l.warehouse.code === 'SHA')!;
  };

  it('a fitted level turns dynamic on a recompute and says why; a policy change recomputes it', async () => {
    const { sku, warehouseId } = await fittedSku();
    const fixed = (await shaLevel(sku)).safetyStock;
    expect(await shaLevel(sku)).toMatchObject({ safetyStockSource: 'FIXED', fixedSafetyStock: fixed, leadTimeDays: 7 });

    const recomputed = await ask(RECOMPUTE, { skus: [sku] });
    expect(recomputed.errors).toBeUndefined();
    expect(recomputed.data!.recomputeSafetyStock).toEqual([
      { sku, warehouseId, oldSafetyStock: fixed, newSafetyStock: DYNAMIC_SS, source: 'DYNAMIC', uplift: 1 },
    ]);
    const level = await shaLevel(sku);
    expect(level).toMatchObject({
      safetyStock: DYNAMIC_SS,
      safetyStockSource: 'DYNAMIC',
      fixedSafetyStock: fixed,
      leadTimeDays: 7,
      reviewDays: 7,
      serviceLevel: 0.95,
      // No stored forecast days: the lead time is planned at the fit's mean, 7 x 3.
      reorderPoint: 21 + DYNAMIC_SS,
    });
    expect(level.safetyStockChanges).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining('recompute asked by'),
        oldSafetyStock: fixed,
        newSafetyStock: DYNAMIC_SS,
        source: 'DYNAMIC',
        errorSd: 4,
        historyDays: 120,
        leadTimeDays: 7,
        serviceLevel: 0.95,
        uplift: 1,
        leadTimeDemand: 21,
        reorderPoint: 21 + DYNAMIC_SS,
      }),
    ]);
    expect(level.safetyStockChanges[0].z).toBeCloseTo(1.6449, 4);

    // 1.6449 x 4 x sqrt(14) = 24.6
    const policy = await ask(SET_POLICY, { w: warehouseId, sku, lead: 14 });
    expect(policy.errors).toBeUndefined();
    expect(policy.data!.setPlanningPolicy).toEqual({
      policy: { sku, leadTimeDays: 14, serviceLevel: null },
      changes: [{ oldSafetyStock: DYNAMIC_SS, newSafetyStock: 25 }],
    });
    expect(await shaLevel(sku)).toMatchObject({ safetyStock: 25, leadTimeDays: 14, reorderPoint: 42 + 25 });
    expect((await shaLevel(sku)).safetyStockChanges.map((c) => c.reason)).toEqual([
      'planning policy changed',
      expect.stringContaining('recompute asked by'),
    ]);
  });

  it('units a lower safety stock frees go to the order waiting for them', async () => {
    const { sku, warehouseId } = await fittedSku();
    await ask(RECOMPUTE, { skus: [sku] });
    // Ten units to sell at SHA on top of the dynamic safety stock, nowhere else.
    await db.query(
      'UPDATE inventory.stock_level SET on_hand = reserved + safety_stock + 10 WHERE sku = $1 AND warehouse_id = $2',
      [sku, warehouseId],
    );
    expect(await shaLevel(sku)).toMatchObject({ safetyStock: DYNAMIC_SS, available: 10 });
    const order = await drive.place('webstore', [{ sku, quantity: 15 }]);
    await drive.status(order, 'BACKORDERED');
    // At a 50% service level the buffer is 0 (z = 0): the order takes 15 of the 28 units.
    const lowered = await ask(SET_POLICY, { w: warehouseId, sku, level: 0.5 });
    expect(lowered.data!.setPlanningPolicy.changes).toEqual([{ oldSafetyStock: DYNAMIC_SS, newSafetyStock: 0 }]);
    await drive.status(order, 'ALLOCATED');
    expect(await shaLevel(sku)).toMatchObject({ safetyStock: 0, available: 13 });
  });

  it('a promotion on the next days raises the safety stock; without one the uplift is 1', async () => {
    const { sku } = await fittedSku();
    const [baseline] = (await ask(RECOMPUTE, { skus: [sku] })).data!.recomputeSafetyStock;
    expect(baseline).toMatchObject({ newSafetyStock: DYNAMIC_SS, uplift: 1 });
    // A promotion on every channel at 3x over the next three days: those lead-time days' error is 3x too.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const planned = await ask(PLAN_PROMOTION, {
      input: { name: 'E2E safety stock sale', skus: [sku], startsOn: day(1), endsOn: day(3), uplift: 3 },
    });
    expect(planned.errors).toBeUndefined();
    const raised = await shaLevel(sku);
    expect(raised.safetyStock).toBeGreaterThan(DYNAMIC_SS);
    expect(raised.safetyStockChanges[0]).toMatchObject({
      reason: 'promotion "E2E safety stock sale" planned',
      oldSafetyStock: DYNAMIC_SS,
      newSafetyStock: raised.safetyStock,
      source: 'DYNAMIC',
    });
    expect(raised.safetyStockChanges[0].uplift).toBeGreaterThan(1);
    // Its demand is planned too: the reorder point rises by more than the buffer alone.
    expect(raised.reorderPoint - raised.safetyStock).toBeGreaterThan(21);

    // Called off, the window plans nothing more: back to the buffer of the forecast error alone.
    const cancelled = await ask(CANCEL_PROMOTION, { id: planned.data!.planPromotion.id });
    expect(cancelled.errors).toBeUndefined();
    expect(await shaLevel(sku)).toMatchObject({ safetyStock: DYNAMIC_SS, reorderPoint: 21 + DYNAMIC_SS });
  });
});
