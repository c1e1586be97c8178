import { DEFAULT_VALUE_SETTINGS, loadCustomersConfig } from '../../../config';
import { CustomerTier, scoreValue, tierOf, toBaseMinor } from '../value-score';

const DAY = 86_400_000;
const now = new Date('2026-12-04T08:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const score = (orders: number, cny: number, days: number) =>
  scoreValue({ orders, monetaryMinor: BigInt(cny * 100), lastOrderAt: daysAgo(days) }, now, DEFAULT_VALUE_SETTINGS);

describe('RFM scores and tiers', () => {
  it('scores recency, frequency and monetary by the documented steps', () => {
    expect([30, 31, 90, 91, 180, 181, 365, 366].map((d) => score(1, 0, d).rScore)).toEqual([5, 4, 4, 3, 3, 2, 2, 1]);
    expect([1, 2, 3, 5, 6, 9, 10].map((n) => score(n, 0, 0).fScore)).toEqual([1, 2, 3, 3, 4, 4, 5]);
    expect([499.99, 500, 1999, 2000, 5000, 9999.99, 10000].map((cny) => score(1, cny, 0).mScore)).toEqual([
      1, 2, 2, 3, 4, 4, 5,
    ]);
    expect(score(6, 5000, 10)).toMatchObject({ recencyDays: 10, score: 13, tier: CustomerTier.CHAMPION });
  });

  it('names the tier by the first rule that holds', () => {
    expect(tierOf(5, 1, 5)).toBe(CustomerTier.NEW);
    expect(tierOf(4, 3, 1)).toBe(CustomerTier.LOYAL);
    expect(tierOf(4, 4, 3)).toBe(CustomerTier.LOYAL);
    expect(tierOf(4, 2, 5)).toBe(CustomerTier.PROMISING);
    expect(tierOf(3, 1, 1)).toBe(CustomerTier.PROMISING);
    expect(tierOf(2, 5, 5)).toBe(CustomerTier.AT_RISK);
    expect(tierOf(1, 5, 5)).toBe(CustomerTier.LOST);
  });

  it('says when the recency score next drops, and never once it is 1', () => {
    const last = daysAgo(10);
    const s = scoreValue({ orders: 1, monetaryMinor: 0n, lastOrderAt: last }, now, DEFAULT_VALUE_SETTINGS);
    expect(s.rescoreAt).toEqual(new Date(last.getTime() + 31 * DAY));
    const after = scoreValue(
      { orders: 1, monetaryMinor: 0n, lastOrderAt: last },
      s.rescoreAt as Date,
      DEFAULT_VALUE_SETTINGS,
    );
    expect(after.rScore).toBe(4);
    expect(score(1, 0, 400).rescoreAt).toBeNull();
  });

  it('converts totals to CNY fen at the fixed rates, exactly', () => {
    expect(toBaseMinor('100.00', 'CNY', DEFAULT_VALUE_SETTINGS)).toBe(10000n);
    expect(toBaseMinor('10.01', 'usd', DEFAULT_VALUE_SETTINGS)).toBe(7107n); // 71.071 CNY, rounded half up
    expect(toBaseMinor('10.00', 'XAF', DEFAULT_VALUE_SETTINGS)).toBeNull();
  });

  it('reads thresholds and rates from the environment, refusing nonsense', () => {
    const config = loadCustomersConfig({
      DATABASE_URL: 'postgres://localhost/x',
      CUSTOMERS_VALUE_RATES: 'USD=7.2, eur=8',
      CUSTOMERS_VALUE_FREQUENCY_ORDERS: '20,10,5,2',
    });
    expect(config.value.ratesMicro).toEqual({ CNY: 1_000_000n, USD: 7_200_000n, EUR: 8_000_000n });
    expect(config.value.frequencyOrders).toEqual([20, 10, 5, 2]);
    expect(() => loadCustomersConfig({ CUSTOMERS_VALUE_RECENCY_DAYS: '90,30,180,365' })).toThrow(/ascending/);
    expect(() => loadCustomersConfig({ CUSTOMERS_VALUE_RATES: 'USD:7' })).toThrow(/CODE=rate/);
  });
});
