/**
 * The forecast engine's types. The engine is pure: a daily demand series in, a
 * dated forecast with prediction intervals out; it knows nothing of the
 * database, and the same code runs on the main thread and in the worker pool.
 */

/** One SKU x warehouse's daily demand in units, oldest day first. */
export interface DemandSeries {
  /** The caller's id for the series (e.g. `SKU-0001@<warehouse id>`), handed back on its forecast. */
  key: string;
  /** The first day of `demand`, `YYYY-MM-DD` (UTC). */
  start: string;
  /** Units per day; a day without demand is 0, never missing. */
  demand: number[];
  /**
   * Known promotions' factor on each day of `demand` (1 = none), when the caller knows them: the engine fits the
   * baseline, so a past promotion's spike is not taken for a trend or a season. Absent: no promotions known.
   */
  uplift?: number[];
}

export interface ForecastOptions {
  /** Days to forecast after the last day of the series, 1-90. */
  horizon: number;
  /** Share of future days the interval should contain, e.g. 0.8 or 0.95 (0.5-0.99). */
  level: number;
  /** The season in days: 7 for the weekly pattern of retail demand. */
  seasonLength: number;
}

export const DEFAULT_FORECAST_OPTIONS: Readonly<ForecastOptions> = Object.freeze({
  horizon: 30,
  level: 0.8,
  seasonLength: 7,
});

/** The names of the models the engine can pick; `Forecast.model` says which one produced a forecast. */
export type ForecastModelName = 'mstl-ets' | 'seasonal-naive' | 'recent-mean';

/** Point forecasts and interval bounds for days 1..horizon, before clamping. */
export interface ForecastValues {
  point: number[];
  lower: number[];
  upper: number[];
}

/**
 * A forecasting method. `fit` may throw when the series does not suit it; the
 * engine then falls back to the seasonal-naive baseline (`forecast-series.ts`).
 */
export interface ForecastModel {
  readonly name: ForecastModelName;
  fit(demand: readonly number[], options: ForecastOptions): ForecastValues;
}

export interface ForecastDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Expected units; never negative. */
  point: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  key: string;
  model: ForecastModelName;
  level: number;
  days: ForecastDay[];
}

/** Throws on options outside their bounds: a caller's mistake, found before any fitting. */
export function checkForecastOptions(options: ForecastOptions): void {
  const { horizon, level, seasonLength } = options;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 90) throw new RangeError('horizon must be 1-90 days');
  if (!(level >= 0.5 && level <= 0.99)) throw new RangeError('level must be between 0.5 and 0.99');
  if (!Number.isInteger(seasonLength) || seasonLength < 1 || seasonLength > 366)
    throw new RangeError('seasonLength must be 1-366 days');
}
