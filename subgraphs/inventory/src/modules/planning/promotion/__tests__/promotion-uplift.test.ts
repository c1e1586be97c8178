import { describeEachBackend } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { startInventoryDb, type InventoryFixture } from '../../../quota/__tests__/inventory-fixture';
import { MAX_UPLIFT, plannedUplift, upliftFactor } from '../promotion-uplift';
import { addDemand, addPromotion, dayFromToday } from './promotion-support';

describe('upliftFactor', () => {
  const shares = new Map([
    ['tmall', 0.6],
    ['jd', 0.3],
    ['douyin', 0.1],
  ]);

  it("lifts a channel promotion's share of the demand only", () => {
    expect(upliftFactor(shares, [{ channels: ['tmall', 'douyin'], uplift: 3 }])).toBeCloseTo(1 + 0.7 * 2);
    expect(upliftFactor(shares, [{ channels: null, uplift: 3 }])).toBeCloseTo(3);
    expect(upliftFactor(shares, [{ channels: ['amazon'], uplift: 3 }])).toBe(1);
    expect(upliftFactor(shares, [])).toBe(1);
  });

  it('multiplies overlapping promotions on the channels they share, up to the maximum', () => {
    const overlapping = [
      { channels: ['tmall'], uplift: 3 },
      { channels: null, uplift: 2 },
    ];
    // tmall 3 x 2, the others 2.
    expect(upliftFactor(shares, overlapping)).toBeCloseTo(0.6 * 6 + 0.4 * 2);
    expect(
      upliftFactor(shares, [
        { channels: null, uplift: 15 },
        { channels: null, uplift: 15 },
      ]),
    ).toBe(MAX_UPLIFT);
  });

  it('gives a pair without history every promotion in full', () => {
    expect(
      upliftFactor(null, [
        { channels: ['jd'], uplift: 2 },
        { channels: null, uplift: 1.5 },
      ]),
    ).toBeCloseTo(3);
  });
});

describeEachBackend('plannedUplift', (backend) => {
  let fx: InventoryFixture;
  let statements: string[];
  const counting = (db: DataSource) =>
    new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: string, params?: unknown[]) => {
          statements.push(sql);
          return target.query(sql, params);
        };
      },
    });
  const uplift = (pairs: { sku: string; warehouseId: string }[], from: number, to: number) => {
    statements = [];
    return plannedUplift(counting(fx.db), pairs, dayFromToday(from), dayFromToday(to));
  };
  const d = dayFromToday;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    await fx.addProduct('U-1', { SHA: { onHand: 10 }, PEK: { onHand: 10 } });
    await fx.addProduct('U-2', { SHA: { onHand: 10 } });
    await fx.addProduct('U-3', { SHA: { onHand: 10 } });
    const { SHA, PEK } = fx.warehouses;
    // U-1 at SHA over the last weeks: tmall 60 units, jd 30, douyin 10 (shares 0.6, 0.3, 0.1) ...
    await addDemand(fx.db, [
      ['U-1', SHA, 'tmall', d(-3), 40],
      ['U-1', SHA, 'tmall', d(-20), 20],
      ['U-1', SHA, 'jd', d(-4), 30],
      ['U-1', SHA, 'douyin', d(-50), 10],
      // ... and a douyin spike on a day a promotion lifted it, which says nothing about the usual mix ...
      ['U-1', SHA, 'douyin', d(-6), 500],
      // ... and older demand, before the share window.
      ['U-1', SHA, 'jd', d(-70), 1000],
      // U-1 at PEK sells through JD only.
      ['U-1', PEK, 'jd', d(-2), 12],
      // U-3 sold at PEK long ago but not at SHA: its SHA pair has no recent demand, and neither has the SKU.
      ['U-3', PEK, 'jd', d(-90), 5],
    ]);
    await addPromotion(fx.db, { channels: ['douyin'], skus: ['U-1'], startsOn: d(-6), endsOn: d(-6), uplift: 2 });
    // A: tmall and douyin for U-1, days 1-3; B: every channel and SKU, days 3-4; a cancelled one and one of another
    // SKU that must not count.
    await addPromotion(fx.db, {
      channels: ['tmall', 'douyin'],
      skus: ['U-1'],
      startsOn: d(1),
      endsOn: d(3),
      uplift: 3,
    });
    await addPromotion(fx.db, { channels: null, skus: null, startsOn: d(3), endsOn: d(4), uplift: 2 });
    await addPromotion(fx.db, { channels: ['tmall'], skus: ['U-1'], startsOn: d(1), endsOn: d(4), uplift: 5 }, true);
    await addPromotion(fx.db, { channels: ['jd'], skus: ['U-2'], startsOn: d(1), endsOn: d(2), uplift: 4 });
  });
  afterAll(() => fx?.close());

  it("gives each pair and day its factor from the pair's channel shares, overlapping promotions combined", async () => {
    const { SHA, PEK } = fx.warehouses;
    const pairs = [
      { sku: 'U-1', warehouseId: SHA },
      { sku: 'U-1', warehouseId: PEK },
      { sku: 'U-2', warehouseId: SHA },
      { sku: 'U-3', warehouseId: SHA },
    ];
    const found = await uplift(pairs, 0, 6);
    const days = (sku: string, warehouseId: string) =>
      Object.fromEntries(
        [...(found.get(`${sku}@${warehouseId}`) ?? new Map())].map(([day, f]) => [day, +f.toFixed(6)]),
      );
    expect(days('U-1', SHA)).toEqual({
      [d(1)]: 2.4, // 1 + (0.6 + 0.1) x (3 - 1)
      [d(2)]: 2.4,
      [d(3)]: 4.8, // tmall and douyin 3 x 2 (0.7 x 6), jd 2 (0.3 x 2)
      [d(4)]: 2,
    });
    // PEK sells U-1 through JD only: the tmall and douyin promotion does not lift it.
    expect(days('U-1', PEK)).toEqual({ [d(3)]: 2, [d(4)]: 2 });
    // U-2 has no demand history: every promotion in full.
    expect(days('U-2', SHA)).toEqual({ [d(1)]: 4, [d(2)]: 4, [d(3)]: 2, [d(4)]: 2 });
    expect(days('U-3', SHA)).toEqual({ [d(3)]: 2, [d(4)]: 2 });
    expect(statements).toHaveLength(2);
  });

  it("falls back to the SKU's shares over all warehouses when the pair has no recent demand", async () => {
    await fx.addProduct('U-4', { SHA: { onHand: 1 }, PEK: { onHand: 1 } });
    await addDemand(fx.db, [
      ['U-4', fx.warehouses.PEK, 'tmall', d(-1), 3],
      ['U-4', fx.warehouses.PEK, 'jd', d(-1), 1],
    ]);
    await addPromotion(fx.db, { channels: ['tmall'], skus: ['U-4'], startsOn: d(10), endsOn: d(10), uplift: 3 });
    const found = await uplift([{ sku: 'U-4', warehouseId: fx.warehouses.SHA }], 10, 10);
    expect(found.get(`U-4@${fx.warehouses.SHA}`)?.get(d(10))).toBeCloseTo(1 + 0.75 * 2);
  });

  it('reads past days too, and asks once when no promotion overlaps', async () => {
    const pair = { sku: 'U-1', warehouseId: fx.warehouses.SHA };
    const past = await uplift([pair], -10, -1);
    // Only douyin was lifted on that day; its share (0.1 of the usual mix) is what the factor lifts.
    expect([...(past.get(`U-1@${fx.warehouses.SHA}`) ?? new Map())]).toEqual([[d(-6), expect.closeTo(1.1, 6)]]);
    expect(await uplift([pair], 20, 30)).toEqual(new Map());
    expect(statements).toHaveLength(1);
    expect(await uplift([], 0, 5)).toEqual(new Map());
  });
});
