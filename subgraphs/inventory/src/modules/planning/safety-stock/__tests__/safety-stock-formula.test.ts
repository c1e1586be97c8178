import { dynamicSafetyStock, leadTimeDemand, leadTimeWindow, reorderPointOf, serviceZ } from '../safety-stock-formula';

const week = leadTimeWindow('2026-11-09', 7);

describe('dynamic safety stock', () => {
  it('is z x sigma x sqrt(lead time) without promotions, rounded up to whole units', () => {
    // 1.6449 x 4 x sqrt(7) = 17.41
    const figure = dynamicSafetyStock({ errorSd: 4, serviceLevel: 0.95, days: week });
    expect(figure.z).toBeCloseTo(1.6449, 4);
    expect(figure.sigmaLeadTime).toBeCloseTo(4 * Math.sqrt(7), 9);
    expect(figure.safetyStock).toBe(18);
    expect(figure.uplift).toBe(1);
    // A longer lead time and a higher service level both ask for more.
    expect(
      dynamicSafetyStock({ errorSd: 4, serviceLevel: 0.95, days: leadTimeWindow('2026-11-09', 14) }).safetyStock,
    ).toBe(25);
    expect(dynamicSafetyStock({ errorSd: 4, serviceLevel: 0.99, days: week }).safetyStock).toBe(25);
  });

  it('is 0 for a forecast that was never wrong, and at a 50% service level', () => {
    expect(dynamicSafetyStock({ errorSd: 0, serviceLevel: 0.95, days: week }).safetyStock).toBe(0);
    expect(dynamicSafetyStock({ errorSd: 9, serviceLevel: 0.5, days: week }).safetyStock).toBe(0);
  });

  it('does not add a unit for float noise on a whole figure', () => {
    // z(0.8413447461) is 1.0000000001: 2 x sqrt(4) x z = 4.0000000005 is 4 units, not 5.
    expect(dynamicSafetyStock({ errorSd: 2, serviceLevel: 0.8413447461, days: week.slice(0, 4) }).safetyStock).toBe(4);
  });

  it('rises while a promotion is inside the lead time, and falls back once it is behind', () => {
    // A three-day promotion at 2.5x from 2026-11-12 to 2026-11-14.
    const promotion = new Map([
      ['2026-11-12', 2.5],
      ['2026-11-13', 2.5],
      ['2026-11-14', 2.5],
    ]);
    const at = (today: string) =>
      dynamicSafetyStock({ errorSd: 3, serviceLevel: 0.95, days: leadTimeWindow(today, 7), uplift: promotion });
    const before = at('2026-10-30'); // the promotion is past the lead time
    const ahead = at('2026-11-09'); // all three days inside
    const after = at('2026-11-15'); // behind
    expect(before.safetyStock).toBe(14); // 1.6449 x 3 x sqrt(7) = 13.06
    // sqrt(4 x 1 + 3 x 6.25) = 4.77: 1.6449 x 3 x 4.77 = 23.54
    expect(ahead.safetyStock).toBe(24);
    expect(ahead.uplift).toBeCloseTo(Math.sqrt((4 + 3 * 6.25) / 7), 9);
    expect(after.safetyStock).toBe(before.safetyStock);
    // The uplift reproduces the figure: ceil(z x errorSd x sqrt(L) x uplift).
    expect(Math.ceil(ahead.z * 3 * Math.sqrt(7) * ahead.uplift)).toBe(ahead.safetyStock);
  });

  it('refuses a negative or non-finite error and an empty lead time', () => {
    expect(() => dynamicSafetyStock({ errorSd: -1, serviceLevel: 0.95, days: week })).toThrow(RangeError);
    expect(() => dynamicSafetyStock({ errorSd: Number.NaN, serviceLevel: 0.95, days: week })).toThrow(RangeError);
    expect(() => dynamicSafetyStock({ errorSd: 1, serviceLevel: 0.95, days: [] })).toThrow(RangeError);
  });
});

describe('lead time and reorder point', () => {
  it('the lead time starts today and crosses month ends in UTC days', () => {
    expect(leadTimeWindow('2026-11-28', 4)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);
    expect(() => leadTimeWindow('28.11.2026', 4)).toThrow(RangeError);
  });

  it('plans demand as the stored forecast times the uplift, the recent mean past the stored days', () => {
    const baseline = new Map([
      ['2026-11-09', 4],
      ['2026-11-10', 6],
    ]);
    const uplift = new Map([['2026-11-10', 2]]);
    // 4 + 6 x 2 + 5 x 3 (days past the stored forecast at the mean of 3)
    expect(leadTimeDemand({ days: week, baseline, meanDaily: 3, uplift })).toBe(31);
    expect(reorderPointOf(30.2, 18)).toBe(49);
    expect(reorderPointOf(0, 5)).toBe(5);
  });

  it('z is the one-sided normal quantile', () => {
    expect(serviceZ(0.5)).toBeCloseTo(0, 9);
    expect(serviceZ(0.9)).toBeCloseTo(1.2816, 4);
    expect(serviceZ(0.99)).toBeCloseTo(2.3263, 4);
  });
});
