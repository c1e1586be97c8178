import { DEFAULT_FORECAST_OPTIONS, type ForecastOptions } from '../forecast-model';
import { chooseModel, forecastSeries } from '../forecast-series';
import { seasonalNaive } from '../seasonal-naive.strategy';
import { coverage, seeded, weeklySeries } from './synthetic';

const options: ForecastOptions = { ...DEFAULT_FORECAST_OPTIONS, horizon: 30 };
const split = (demand: number[], train: number) => ({ train: demand.slice(0, train), test: demand.slice(train) });

describe('seasonal-naive baseline', () => {
  it('repeats the last week and dates the days after the series', () => {
    const demand = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7];
    const forecast = forecastSeries({ key: 'a', start: '2026-03-01', demand }, options, seasonalNaive);
    expect(forecast.model).toBe('seasonal-naive');
    expect(forecast.days.map((d) => d.point).slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2]);
    expect(forecast.days[0].date).toBe('2026-03-15');
    expect(forecast.days).toHaveLength(30);
  });

  // The first week only: further weeks widen as for a seasonal random walk, which over-covers stationary noise.
  it.each([0.8, 0.95])('its intervals hold about %s of the next week on a noisy weekly series', (level) => {
    const inside = Array.from({ length: 60 }, (_, seed) => {
      const { train, test } = split(weeklySeries(seed, 157, { level: 40, trend: 0, noise: 6 }).demand, 150);
      const fit = seasonalNaive.fit(train, { ...options, level, horizon: 7 });
      return coverage(test, fit.lower, fit.upper);
    });
    const mean = inside.reduce((a, b) => a + b, 0) / inside.length;
    expect(mean).toBeGreaterThan(level - 0.07);
    expect(mean).toBeLessThan(Math.min(0.995, level + 0.07));
  });

  it('widens each further week ahead', () => {
    const { demand } = weeklySeries(3, 60, { level: 20, trend: 0, noise: 3 });
    const fit = seasonalNaive.fit(demand, options);
    const width = (h: number) => fit.upper[h] - fit.lower[h];
    expect(width(7)).toBeGreaterThan(width(0));
    expect(width(7)).toBeCloseTo(width(0) * Math.SQRT2, 6);
  });
});

describe('what real demand does', () => {
  it('intermittent series: a flat, non-negative recent mean', () => {
    const rand = seeded(7);
    const demand = Array.from({ length: 150 }, () => (rand() < 0.1 ? 1 + Math.floor(rand() * 4) : 0));
    const forecast = forecastSeries({ key: 'sparse', start: '2026-01-01', demand }, options, seasonalNaive);
    expect(forecast.model).toBe('recent-mean');
    const mean = demand.slice(-28).reduce((a, b) => a + b, 0) / 28;
    for (const day of forecast.days) {
      expect(day.point).toBeCloseTo(mean, 9);
      expect(day.lower).toBe(0);
      expect(day.upper).toBeGreaterThan(day.point);
    }
  });

  it('history shorter than two weeks: the mean, with an interval wider than its spread', () => {
    const demand = [3, 5, 4, 6, 2, 5, 4, 3, 5];
    const forecast = forecastSeries({ key: 'short', start: '2026-01-01', demand }, options, seasonalNaive);
    expect(forecast.model).toBe('recent-mean');
    expect(forecast.days[0].point).toBeCloseTo(37 / 9, 9);
    expect(forecast.days[0].upper - forecast.days[0].lower).toBeGreaterThan(2 * 1.28 * 1.3);
  });

  it('no history at all: zero demand with an interval that is not [0, 0]', () => {
    const forecast = forecastSeries({ key: 'new', start: '2026-01-01', demand: [] }, options);
    expect(forecast.days[0]).toMatchObject({ point: 0, lower: 0 });
    expect(forecast.days[0].upper).toBeGreaterThan(0);
  });

  it('a constant series: its value, with a Poisson-wide interval rather than none', () => {
    const forecast = forecastSeries({ key: 'flat', start: '2026-01-01', demand: Array(60).fill(9) }, options);
    expect(forecast.model).toBe('recent-mean');
    expect(forecast.days[0].point).toBe(9);
    expect(forecast.days[0].lower).toBeLessThan(9);
    expect(forecast.days[0].upper).toBeGreaterThan(9);
  });

  it('never forecasts negative units, even from a falling trend or bad input', () => {
    const falling = Array.from({ length: 60 }, (_, t) => Math.max(0, 30 - t * 0.6 + (t % 7)));
    falling[3] = Number.NaN;
    falling[4] = -5;
    const forecast = forecastSeries({ key: 'falling', start: '2026-01-01', demand: falling }, options, seasonalNaive);
    for (const day of forecast.days) {
      expect(day.lower).toBeGreaterThanOrEqual(0);
      expect(day.point).toBeGreaterThanOrEqual(day.lower);
      expect(day.upper).toBeGreaterThanOrEqual(day.point);
    }
  });

  it('a model that fails falls back to seasonal-naive', () => {
    const broken = { name: 'mstl-ets' as const, fit: () => ({ point: [Number.NaN], lower: [0], upper: [1] }) };
    const { demand } = weeklySeries(1, 60, { level: 20, trend: 0, noise: 2 });
    expect(chooseModel(demand, options, broken)).toBe(broken);
    expect(forecastSeries({ key: 'x', start: '2026-01-01', demand }, options, broken).model).toBe('seasonal-naive');
  });

  it('rejects a horizon beyond 90 days and a level outside 0.5-0.99', () => {
    const series = { key: 'x', start: '2026-01-01', demand: [1, 2, 3] };
    expect(() => forecastSeries(series, { ...options, horizon: 91 })).toThrow('horizon');
    expect(() => forecastSeries(series, { ...options, level: 1 })).toThrow('level');
  });
});
