import { DEFAULT_FORECAST_OPTIONS, type DemandSeries, type Forecast, type ForecastOptions } from '../forecast-model';
import { ForecastPool } from '../forecast-pool';
import { baselineDemand, forecastSeries } from '../forecast-series';
import { seasonalNaive } from '../seasonal-naive.strategy';
import { gaussian, seeded } from './synthetic';

// Known promotions in the history: the engine fits the baseline, so a past spike does not raise what comes next.
const options: ForecastOptions = { ...DEFAULT_FORECAST_OPTIONS, horizon: 14 };
const WEEK = [0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 1.4];
const DAYS = 150;
const usual = (t: number) => 20 * WEEK[t % 7];

/** 150 days of weekly demand around 20 a day, with a 3-day promotion (x3) ten days before the end and a x6 day. */
function promotedSeries(seed: number): Required<DemandSeries> {
  const rand = seeded(seed);
  const uplift = Array<number>(DAYS).fill(1);
  for (const t of [DAYS - 12, DAYS - 11, DAYS - 10]) uplift[t] = 3;
  uplift[DAYS - 40] = 6;
  const demand = uplift.map((f, t) => Math.max(0, usual(t) * f + 2 * gaussian(rand)));
  return { key: `promoted-${seed}`, start: '2026-01-05', demand, uplift };
}

const mean = (f: Forecast) => f.days.reduce((sum, d) => sum + d.point, 0) / f.days.length;
const usualMean = Array.from({ length: options.horizon }, (_, h) => usual(DAYS + h)).reduce((a, b) => a + b) / 14;

describe('baselineDemand', () => {
  it('divides each day by its factor; no factors, no change', () => {
    expect(baselineDemand([10, 30, 8, -1], [1, 3, 2, 1])).toEqual([10, 10, 4, 0]);
    expect(baselineDemand([10, 30, Number.NaN])).toEqual([10, 30, 0]);
    expect(baselineDemand([10, 30], [0, Number.POSITIVE_INFINITY])).toEqual([10, 30]);
    expect(() => baselineDemand([10, 30], [1])).toThrow(RangeError);
  });

  it('seasonal-naive repeats a promoted week unless told of the promotion', () => {
    const week = [10, 20, 30, 40, 50, 60, 70];
    const demand = [...week, ...week, ...week, 10, 20, 30, 40, 150, 180, 70];
    const uplift = demand.map((_, t) => (t === 25 || t === 26 ? 3 : 1));
    const points = (s: DemandSeries) =>
      forecastSeries(s, options, seasonalNaive)
        .days.map((d) => d.point)
        .slice(0, 7);
    expect(points({ key: 'told', start: '2026-01-05', demand, uplift })).toEqual(week);
    expect(points({ key: 'untold', start: '2026-01-05', demand })).toEqual([10, 20, 30, 40, 150, 180, 70]);
  });
});

describe('the library model under known promotions', () => {
  let pool: ForecastPool;
  beforeAll(() => {
    pool = new ForecastPool({ threads: 1 });
  });
  afterAll(() => pool.close());

  it('forecasts the usual demand after a promotion it was told of, and is inflated when it was not', async () => {
    const series = Array.from({ length: 6 }, (_, seed) => promotedSeries(seed + 1));
    const told = await pool.fitAll(series, options);
    const untold = await pool.fitAll(
      series.map(({ uplift: _uplift, ...s }) => s),
      options,
    );
    for (const [i, forecast] of told.entries()) {
      expect(forecast.model).toBe('mstl-ets');
      expect(mean(forecast) / usualMean).toBeGreaterThan(0.95);
      expect(mean(forecast) / usualMean).toBeLessThan(1.05);
      // Told of the spike, the model does not take it for noise either: its interval stays that of the usual noise.
      const width = (f: Forecast) => f.days[0].upper - f.days[0].lower;
      expect(width(forecast)).toBeLessThan(width(untold[i]) / 3);
    }
    const inflation = untold.reduce((sum, f) => sum + mean(f) / usualMean, 0) / untold.length;
    expect(inflation).toBeGreaterThan(1.08);
  }, 60_000);
});
