import { describeEachBackend } from '@supply-graph/shared/testing';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { planningTargets } from '../planning-targets';
import { recomputeSafetyStock } from '../safety-stock-recompute';
import { plannerDeps, storeFit } from './planning-fixture';

/** Planned promotions by pair key, then day: what the stubbed seam answers. */
const mockPlanned = new Map<string, Map<string, number>>();

// Promotions are another part's (modules/planning/promotion); their one seam is stubbed here.
jest.mock('../../promotion/promotion-uplift', () => ({
  plannedUplift: async (_db: unknown, pairs: { sku: string; warehouseId: string }[], from: string, to: string) =>
    new Map(
      pairs
        .map((p) => `${p.sku}@${p.warehouseId}`)
        .filter((key) => mockPlanned.has(key))
        .map((key) => [key, new Map([...mockPlanned.get(key)!].filter(([day]) => day >= from && day <= to))]),
    ),
}));

describeEachBackend('a planned promotion and safety stock', (backend) => {
  let fx: InventoryFixture;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
  });
  afterAll(() => fx?.close());

  it('raises the safety stock while the promotion is inside the lead time, and lowers it once it is behind', async () => {
    await fx.addProduct('PROMO-1', { SHA: { onHand: 200, safetyStock: 4 } });
    await storeFit(fx, 'PROMO-1', 'SHA', { errorSd: 3, daily: 3, horizon: 40 });
    const pair = { sku: 'PROMO-1', warehouseId: fx.warehouses.SHA };
    // A live-stream weekend at 2.5x, 2026-11-12 to 2026-11-14.
    mockPlanned.set(
      `PROMO-1@${fx.warehouses.SHA}`,
      new Map(['2026-11-12', '2026-11-13', '2026-11-14'].map((day) => [day, 2.5])),
    );
    const at = async (day: string) => {
      const now = new Date(`${day}T06:00:00Z`);
      const changes = await recomputeSafetyStock(plannerDeps(fx), { skus: ['PROMO-1'], reason: 'promotion', now });
      const targets = (await planningTargets(fx.db, [pair], now)).get(`PROMO-1@${pair.warehouseId}`)!;
      return { changes, targets };
    };

    const before = await at('2026-11-01');
    expect(before.changes.map((c) => [c.oldSafetyStock, c.newSafetyStock, c.uplift])).toEqual([[4, 14, 1]]);

    // All three promotion days ahead: sqrt(4 + 3 x 2.5^2) = 4.77 instead of sqrt(7) = 2.65.
    const ahead = await at('2026-11-09');
    expect(ahead.changes).toHaveLength(1);
    expect(ahead.changes[0]).toMatchObject({ oldSafetyStock: 14, newSafetyStock: 24, leadTimeDemand: 34.5 });
    expect(ahead.changes[0].uplift).toBeCloseTo(Math.sqrt(22.75 / 7), 9);
    // The reorder point plans the promotion's demand too: 4 x 3 + 3 x 7.5 = 34.5, so 35 + 24.
    expect(ahead.targets).toMatchObject({ safetyStock: 24, reorderPoint: 59, source: 'DYNAMIC' });

    const after = await at('2026-11-15');
    expect(after.changes.map((c) => [c.oldSafetyStock, c.newSafetyStock, c.uplift])).toEqual([[24, 14, 1]]);
    expect(after.targets).toMatchObject({ safetyStock: 14, reorderPoint: 35 });
  });
});
