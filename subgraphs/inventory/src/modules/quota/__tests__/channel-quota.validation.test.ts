import { validateQuota } from '../channel-quota.validation';

describe('validateQuota', () => {
  it('accepts an absolute cap and normalises the channel code', () => {
    expect(validateQuota({ channel: ' Douyin ', sku: 'SKU-1', maxUnits: 10 })).toEqual({
      problems: [],
      quota: { channel: 'douyin', sku: 'SKU-1', maxUnits: 10, shareBp: null },
    });
  });

  it('accepts a share as basis points, 0 and 1 included', () => {
    expect(validateQuota({ channel: 'tmall', sku: 'S', maxShare: 0.3 }).quota.shareBp).toBe(3000);
    expect(validateQuota({ channel: 'tmall', sku: 'S', maxShare: 0.0001 }).quota.shareBp).toBe(1);
    expect(validateQuota({ channel: 'tmall', sku: 'S', maxShare: 0 }).problems).toEqual([]);
    expect(validateQuota({ channel: 'tmall', sku: 'S', maxShare: 1 }).problems).toEqual([]);
    expect(validateQuota({ channel: 'tmall', sku: 'S', maxUnits: 0 }).problems).toEqual([]);
  });

  it('asks for exactly one of maxUnits and maxShare', () => {
    expect(validateQuota({ channel: 'jd', sku: 'S' }).problems).toEqual([
      { field: 'maxUnits', message: 'give exactly one of maxUnits and maxShare (neither was given)' },
    ]);
    expect(validateQuota({ channel: 'jd', sku: 'S', maxUnits: null, maxShare: null }).problems).toHaveLength(1);
    expect(validateQuota({ channel: 'jd', sku: 'S', maxUnits: 5, maxShare: 0.5 }).problems).toEqual([
      { field: 'maxShare', message: 'give exactly one of maxUnits and maxShare (both were given)' },
    ]);
  });

  it.each([
    [{ maxUnits: -1 }, 'maxUnits', 'must be a whole number of units, 0 or more (got -1)'],
    [{ maxShare: 1.5 }, 'maxShare', 'must be between 0 and 1, e.g. 0.3 for 30% (got 1.5)'],
    [{ maxShare: -0.1 }, 'maxShare', 'must be between 0 and 1, e.g. 0.3 for 30% (got -0.1)'],
    [{ maxShare: 0.33333 }, 'maxShare', 'must have at most 4 decimals, i.e. steps of 0.01% (got 0.33333)'],
    [{ maxShare: Number.NaN }, 'maxShare', 'must be between 0 and 1, e.g. 0.3 for 30% (got NaN)'],
  ])('rejects %p', (limits, field, message) => {
    expect(validateQuota({ channel: 'pos', sku: 'S', ...limits }).problems).toEqual([{ field, message }]);
  });

  it('lists every problem at once', () => {
    const { problems } = validateQuota({ channel: 'no spaces!', sku: '  ', maxUnits: -3, maxShare: 2 });
    expect(problems.map((p) => p.field)).toEqual(['channel', 'sku', 'maxShare', 'maxUnits', 'maxShare']);
    expect(validateQuota({ channel: '', sku: 'S', maxUnits: 1 }).problems).toEqual([
      { field: 'channel', message: 'must not be blank' },
    ]);
    expect(validateQuota({ channel: 'x'.repeat(65), sku: 'S', maxUnits: 1 }).problems).toEqual([
      { field: 'channel', message: 'must be at most 64 characters' },
    ]);
  });
});
