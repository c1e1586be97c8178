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
 * The history as it would have been without its known promotions: each day
 * divided by its factor (`DemandSeries.uplift`; absent, non-finite or not
 * positive: 1), so a promotion's spike is neither a trend nor a season to the
 * model. Dividing was measured against replacing promotion days with the same
 * weekdays of the weeks around them (`bench/results/forecast.md`): on the demo
 * history dividing is as good per SKU x warehouse and better per SKU, and it
 * keeps what the promotion days say about the level. Negative or non-finite
 * demand counts as 0.
 */
export function baselineDemand(demand: readonly number[], uplift?: readonly number[]): number[] {
  if (uplift && uplift.length !== demand.length)
    throw new RangeError(`uplift must have one factor per day of demand (${demand.length}), got ${uplift.length}`);
  return demand.map((y, t) => {
    const units = Number.isFinite(y) && y > 0 ? y : 0;
    const factor = uplift?.[t];
    return factor !== undefined && Number.isFinite(factor) && factor > 0 ? units / factor : units;
  });
}

/**
 * Forecasts one series. `library` is the library model when loaded (`loadMstl`);
 * without it the engine still answers, with the baseline. A model that throws or
 * returns non-finite values is replaced by seasonal-naive, so one odd series
 * never fails a batch. Demand is never negative: every bound is clamped at 0.
 *
 * With known promotions (`series.uplift`) the model is fitted to the baseline
 * (`baselineDemand`) and the forecast is the baseline: planned promotions'
 * factors go on top where the forecast is read (`plannedUplift`), so a
 * promotion planned after a refit still counts.
 */
export function forecastSeries(series: DemandSeries, options: ForecastOptions, library?: ForecastModel): Forecast {
  checkForecastOptions(options);
  const demand = baselineDemand(series.demand, series.uplift);
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
