import { calibrateDays, conformalFactor, scoreHoldout } from '../forecast-calibration';
import type { DemandSeries, Forecast } from '../forecast-model';
import { ForecastPool } from '../forecast-pool';
import { fitWithHoldout, HOLDOUT_DAYS } from '../forecast-refit';
import { coverage, gaussian, seeded, weeklySeries } from './synthetic';

// The library model loads only in worker threads under Jest (load-mstl.ts): every fit goes through the pool.
const options = { level: 0.8, seasonLength: 7 };
const HISTORY = 150;
/** Days after the history that neither the fit nor its calibration saw: what coverage is measured on. */
const UNSEEN = HOLDOUT_DAYS;

let pool: ForecastPool;
beforeAll(() => {
  pool = new ForecastPool({ threads: 1 });
});
afterAll(() => pool.close());

const WEEK = [0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 1.4];

/** A Poisson count (Knuth): daily demand in whole units around `mean`. */
function poisson(rand: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k += 1;
  return k;
}

/**
 * Demand whose weekly peak moves from week to week (the channel mix shifting):
 * the seasonal model takes a fixed week, so its intervals are too narrow.
 */
const shiftingWeek = (seed: number, days: number, level: number): DemandSeries => {
  const rand = seeded(seed);
  let shift = 0;
  const demand = Array.from({ length: days }, (_, t) => {
    if (t % 7 === 0) shift = Math.floor(rand() * 7);
    return poisson(rand, level * WEEK[(t + shift) % 7]);
  });
  return { key: `shifting-${seed}`, start: '2026-01-05', demand };
};

/** Demand with a spike on one day in twenty: the spikes inflate the model's spread, so its intervals are too wide. */
const spiky = (seed: number, days: number, level: number): DemandSeries => {
  const rand = seeded(seed);
  const demand = Array.from({ length: days }, (_, t) =>
    poisson(rand, level * WEEK[t % 7] * (rand() < 0.05 ? 4 : 1) * Math.exp(0.05 * gaussian(rand))),
  );
  return { key: `spiky-${seed}`, start: '2026-01-05', demand };
};

const history = (s: DemandSeries): DemandSeries => ({ ...s, demand: s.demand.slice(0, HISTORY) });
const unseen = (s: DemandSeries) => s.demand.slice(HISTORY, HISTORY + UNSEEN);

/** Share of the unseen days inside the forecasts' intervals, over all series. */
function unseenCoverage(series: DemandSeries[], forecasts: Pick<Forecast, 'days'>[]): number {
  const shares = forecasts.map((f, i) =>
    coverage(
      unseen(series[i]),
      f.days.map((d) => d.lower),
      f.days.map((d) => d.upper),
    ),
  );
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

describe.each([
  ['too narrow', shiftingWeek, 'widens'],
  ['too wide', spiky, 'narrows'],
] as const)("on series where the model's intervals are %s", (_case, generate, direction) => {
  it(`${direction} them to hold about 80% of days the calibration did not see`, async () => {
    const series = Array.from({ length: 60 }, (_, i) => generate(900 + i, HISTORY + UNSEEN, 20));
    const raw = await pool.fitAll(series.map(history), { ...options, horizon: UNSEEN });
    const fitted = await fitWithHoldout(pool, series.map(history), { ...options, horizon: UNSEEN });
    const before = unseenCoverage(series, raw);
    const after = unseenCoverage(series, fitted);
    // The control: the engine's own intervals miss the nominal 80% by more than the calibrated ones may.
    expect(Math.abs(before - 0.8)).toBeGreaterThan(0.05);
    expect(after).toBeGreaterThan(0.76);
    expect(after).toBeLessThan(0.84);
    const factor = fitted[0].factor;
    expect(direction === 'widens' ? factor > 1 : factor < 1).toBe(true);
  }, 120_000);
});

it("calibrates a series too short to hold days out by its model's pool", async () => {
  const long = Array.from({ length: 20 }, (_, i) => weeklySeries(300 + i, HISTORY, { level: 20, trend: 0, noise: 6 }));
  const short = { ...weeklySeries(400, 30, { level: 20, trend: 0, noise: 6 }), key: 'short' };
  const fitted = await fitWithHoldout(pool, [...long, short], options);
  const last = fitted[fitted.length - 1];
  expect(last).toMatchObject({ key: 'short', model: 'mstl-ets', holdoutWape: null, holdout: null, historyDays: 30 });
  expect(new Set(fitted.map((f) => f.factor))).toEqual(new Set([fitted[0].factor]));
  // Its error sigma is its calibrated interval read back as a normal spread: positive, of the noise's size.
  expect(last.errorSd).toBeGreaterThan(2);
  expect(last.errorSd).toBeLessThan(20);
  // The long ones: their error is measured on the held-out days, about the noise (sd 6) and the weekly shape's misfit.
  for (const f of fitted.slice(0, -1)) {
    expect(f.errorSd).toBeGreaterThan(4);
    expect(f.errorSd).toBeLessThan(10);
    expect(f.holdoutWape).toBeGreaterThan(0.1);
    expect(f.holdoutWape).toBeLessThan(0.4);
  }
}, 120_000);

it('stores 90 days from the day after the history, never below zero, lower <= point <= upper', async () => {
  const sparse = { key: 'sparse', start: '2026-01-01', demand: Array.from({ length: 120 }, (_, t) => (t % 9 ? 0 : 1)) };
  const none = { key: 'none', start: '2026-01-01', demand: Array(120).fill(0) };
  const fitted = await fitWithHoldout(pool, [sparse, none], options);
  for (const f of fitted) {
    expect(f.days).toHaveLength(90);
    expect(f.days[0].date).toBe('2026-05-01');
    expect(f.days.every((d) => d.lower >= 0 && d.lower <= d.point && d.point <= d.upper)).toBe(true);
  }
  // No demand: none expected, no error on the held-out days; the interval is its model's pool's, under one unit.
  expect(fitted[1]).toMatchObject({ model: 'recent-mean', errorSd: 0, holdoutWape: null, meanDaily: 0 });
  expect(fitted[1].days.every((d) => d.point === 0 && d.lower === 0 && d.upper < 1)).toBe(true);
  // A sparse series' interval keeps zero, its likeliest day, inside.
  expect(fitted[0].days.every((d) => d.lower === 0)).toBe(true);
}, 60_000);

describe('the conformal pieces', () => {
  it('the factor is the ceil((n + 1) x level)-th smallest score', () => {
    const scores = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(conformalFactor(scores, 0.8)).toBeCloseTo(8, 6);
    expect(conformalFactor(scores, 0.95)).toBeCloseTo(9, 6);
    expect(conformalFactor([], 0.8)).toBe(1);
  });

  it('scores a day by its distance in half-widths, half a unit allowed below; promotions scale both', () => {
    const day = { date: '2026-01-01', point: 10, lower: 6, upper: 14 };
    const { scores, errorSd, wape } = scoreHoldout([day, day, day], [14, 5.5, 20], [1, 1, 2]);
    expect(scores).toEqual([1, 1, 0]);
    expect(errorSd).toBeCloseTo(Math.sqrt((16 + 4.5 ** 2 + 0) / 3), 9);
    expect(wape).toBeCloseTo(8.5 / 39.5, 9);
    expect(calibrateDays([day], 1.5)).toEqual([{ date: '2026-01-01', point: 10, lower: 3.5, upper: 16 }]);
  });
});
