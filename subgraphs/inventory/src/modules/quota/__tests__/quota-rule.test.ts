import { describeBreaches, formatShare, quotaBreaches, quotaLimit, type QuotaState } from '../quota-rule';

const absolute = (sku: string, maxUnits: number, held: number): QuotaState => ({ sku, maxUnits, shareBp: null, held });
const share = (sku: string, shareBp: number, held: number): QuotaState => ({ sku, maxUnits: null, shareBp, held });

describe('quotaLimit', () => {
  it('is the cap itself for an absolute quota, whatever is on hand', () => {
    expect(quotaLimit({ maxUnits: 10, shareBp: null }, 3)).toBe(10);
    expect(quotaLimit({ maxUnits: 0, shareBp: null }, 500)).toBe(0);
  });

  it.each([
    [3000, 100, 30],
    [2900, 100, 29], // 0.29 * 100 is 28.999... in floating point: integer arithmetic keeps it 29
    [2500, 41, 10],
    [10000, 7, 7],
    [1, 9999, 0],
    [3333, 3, 0],
  ])('%i basis points of %i on hand is %i units', (shareBp, onHand, limit) => {
    expect(quotaLimit({ maxUnits: null, shareBp }, onHand)).toBe(limit);
  });
});

describe('quotaBreaches', () => {
  const onHand = new Map([
    ['A', 100],
    ['B', 100],
  ]);

  it('lets an order that reaches the cap exactly through', () => {
    expect(quotaBreaches([absolute('A', 10, 7)], new Map([['A', 3]]), onHand)).toEqual([]);
  });

  it('reports each SKU one unit past its cap, with what the order needs', () => {
    const breaches = quotaBreaches(
      [absolute('A', 10, 7), share('B', 1000, 5)],
      new Map([
        ['A', 4],
        ['B', 6],
      ]),
      onHand,
    );
    expect(breaches).toEqual([
      { sku: 'A', limit: 10, held: 7, wanted: 4, over: 1, shareBp: null },
      { sku: 'B', limit: 10, held: 5, wanted: 6, over: 1, shareBp: 1000 },
    ]);
  });

  it('ignores quotas of SKUs the order does not want', () => {
    expect(quotaBreaches([absolute('B', 0, 0)], new Map([['A', 5]]), onHand)).toEqual([]);
  });

  it('never says more is missing than the order wants, even when the channel is already past a shrunken share', () => {
    const [breach] = quotaBreaches([share('A', 3000, 40)], new Map([['A', 2]]), new Map([['A', 50]]));
    expect(breach).toMatchObject({ limit: 15, held: 40, wanted: 2, over: 2 });
  });
});

describe('describeBreaches', () => {
  it('names the channel, the SKU and the cap', () => {
    expect(describeBreaches('douyin', [{ sku: 'A', limit: 10, held: 9, wanted: 2, over: 1, shareBp: null }])).toBe(
      'channel quota: douyin may hold at most 10 of A, holds 9, this order needs 2',
    );
    expect(describeBreaches('tmall', [{ sku: 'B', limit: 12, held: 12, wanted: 1, over: 1, shareBp: 1250 }])).toBe(
      'channel quota: tmall may hold at most 12.5% of on-hand (12 now) of B, holds 12, this order needs 1',
    );
  });

  it('formats shares without trailing zeros', () => {
    expect([formatShare(3000), formatShare(1), formatShare(10000)]).toEqual(['30%', '0.01%', '100%']);
  });
});
