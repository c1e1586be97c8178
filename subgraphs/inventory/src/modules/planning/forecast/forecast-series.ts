import {
  checkForecastOptions,
  type DemandSeries,
  type Forecast,
  type ForecastModel,
  type ForecastOptions,
  type ForecastValues,
} from './forecast-model';
import { recentMean } from './recent-mean.strategy';
import { seasonalNaive } from './seasonal-naive.strategy';

/**
 * Below this share of non-zero days in the last four seasons a series counts
 * as intermittent: a seasonal decomposition of mostly zeros fits noise (and
 * its ETS trend swings to the last spike), so the flat recent mean is used.
 */
export const INTERMITTENT_SHARE = 0.3;

/**
 * Which model fits a series: the one place the choice is made.
 * - under two seasons of history, intermittent or constant: `recentMean`;
 * - otherwise the library model when this thread has it, else seasonal-naive.
 */
export function chooseModel(
  demand: readonly number[],
  options: ForecastOptions,
  library?: ForecastModel,
): ForecastModel {
  const m = options.seasonLength;
  if (demand.length < 2 * m) return recentMean;
  const recent = demand.slice(-4 * m);
  const nonZero = recent.filter((y) => y > 0).length;
  if (nonZero < INTERMITTENT_SHARE * recent.length) return recentMean;
  if (recent.every((y) => y === recent[0])) return recentMean;
  return library ?? seasonalNaive;
}

/**
 * Forecasts one series. `library` is the library model when loaded (`loadMstl`);
 * without it the engine still answers, with the baseline. A model that throws or
 * returns non-finite values is replaced by seasonal-naive, so one odd series
 * never fails a batch. Demand is never negative: every bound is clamped at 0.
 */
export function forecastSeries(series: DemandSeries, options: ForecastOptions, library?: ForecastModel): Forecast {
  checkForecastOptions(options);
  const demand = series.demand.map((y) => (Number.isFinite(y) && y > 0 ? y : 0));
  let model = chooseModel(demand, options, library);
  let values: ForecastValues;
  try {
    values = model.fit(demand, options);
    if (![...values.point, ...values.lower, ...values.upper].every(Number.isFinite)) throw new Error('non-finite');
  } catch {
    model = seasonalNaive;
    values = model.fit(demand, options);
  }
  const first = Date.parse(`${series.start}T00:00:00Z`) + demand.length * DAY_MS;
  if (Number.isNaN(first)) throw new RangeError(`start must be YYYY-MM-DD, got ${series.start}`);
  return {
    key: series.key,
    model: model.name,
    level: options.level,
    days: values.point.map((point, i) => ({
      date: new Date(first + i * DAY_MS).toISOString().slice(0, 10),
      point: Math.max(0, point),
      lower: Math.max(0, Math.min(values.lower[i], point)),
      upper: Math.max(0, values.upper[i], point),
    })),
  };
}

const DAY_MS = 86_400_000;
