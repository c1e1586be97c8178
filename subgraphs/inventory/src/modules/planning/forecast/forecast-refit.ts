import { calibrateDays, conformalFactor, halfWidthOf, scoreHoldout, type HoldoutScore } from './forecast-calibration';
import {
  DEFAULT_FORECAST_OPTIONS,
  type DemandSeries,
  type ForecastDay,
  type ForecastModelName,
  type ForecastOptions,
} from './forecast-model';
import type { ForecastPool } from './forecast-pool';
import { zFor } from './normal-quantile';

/** Days a refit holds out of each series to score it and calibrate its intervals: four weeks. */
export const HOLDOUT_DAYS = 28;
/** Days a series needs before its held-out days to be scored: two weekly seasons, what the seasonal model needs. */
export const MIN_TRAIN_DAYS = 14;
/** Days a refit stores ahead: the longest forecast a reader may ask for. */
export const REFIT_HORIZON = 90;

/** One series fitted for storing: the final fit on its whole history, with calibrated intervals and its scores. */
export interface FittedSeries {
  key: string;
  model: ForecastModelName;
  level: number;
  /** Days of history fitted on. */
  historyDays: number;
  /** Mean units per day over the last HOLDOUT_DAYS days (the held-out ones). */
  meanDaily: number;
  /**
   * The daily error's spread, units: on the held-out days when the series had them; else the calibrated
   * interval's first day read back as a normal spread (half-width / z).
   */
  errorSd: number;
  holdoutWape: number | null;
  /** What the holdout measured (null: the series was too short to hold days out). */
  holdout: Pick<HoldoutScore, 'absErrorSum' | 'actualSum'> | null;
  /** The factor the model's intervals were scaled by (forecast-calibration.ts). */
  factor: number;
  /** From the day after the history on; intervals calibrated. */
  days: ForecastDay[];
}

export type RefitOptions = Pick<ForecastOptions, 'level' | 'seasonLength'> & {
  /** Days to store ahead; default REFIT_HORIZON. */
  horizon?: number;
};

/**
 * Fits every series twice on the worker pool, both passes at once: on its
 * history less the last HOLDOUT_DAYS (scored on those days), and on all of it
 * (the forecast stored). The held-out days' scores calibrate the final
 * intervals (forecast-calibration.ts), pooled per model over the refit's
 * series: how far off a model's intervals are is a property of the model
 * (the seasonal model's are too narrow on noisy counts, the recent mean's too
 * wide on sparse ones), and 28 days of one series are too few to tell. On the
 * demo history a series' own 28 scores gave sparse series 58 % coverage and
 * the per-model pool 84 % (80 % nominal; 79 % on dense series). A model no
 * held-out series used takes the pool of all scores; with none at all, the
 * model's intervals stay as they are. Results are in the order given.
 */
export async function fitWithHoldout(
  pool: ForecastPool,
  series: readonly DemandSeries[],
  options: RefitOptions = {
    level: DEFAULT_FORECAST_OPTIONS.level,
    seasonLength: DEFAULT_FORECAST_OPTIONS.seasonLength,
  },
): Promise<FittedSeries[]> {
  const horizon = options.horizon ?? REFIT_HORIZON;
  const { level, seasonLength } = options;
  const scored = series.flatMap((s, i) => (s.demand.length >= HOLDOUT_DAYS + MIN_TRAIN_DAYS ? [i] : []));
  const [holdoutFits, finalFits] = await Promise.all([
    pool.fitAll(
      scored.map((i) => trainPart(series[i])),
      { horizon: HOLDOUT_DAYS, level, seasonLength },
    ),
    pool.fitAll(series, { horizon, level, seasonLength }),
  ]);
  // By the series' index: keys are the caller's and need not be unique.
  const scores = new Map<number, HoldoutScore>();
  scored.forEach((index, i) => {
    const s = series[index];
    const held = s.demand.length - HOLDOUT_DAYS;
    scores.set(index, scoreHoldout(holdoutFits[i].days, s.demand.slice(held), s.uplift?.slice(held)));
  });
  const byModel = new Map<string, number[]>();
  scored.forEach((index, i) => {
    const model = holdoutFits[i].model;
    const pooled = byModel.get(model) ?? [];
    byModel.set(model, pooled);
    pooled.push(...scores.get(index)!.scores);
  });
  const factors = new Map([...byModel].map(([model, all]) => [model, conformalFactor(all, level)]));
  const anyModel = conformalFactor([...byModel.values()].flat(), level);
  const z = zFor(level);
  return series.map((s, i) => {
    const fit = finalFits[i];
    const score = scores.get(i);
    const factor = factors.get(fit.model) ?? anyModel;
    const recent = s.demand.slice(-HOLDOUT_DAYS);
    return {
      key: s.key,
      model: fit.model,
      level,
      historyDays: s.demand.length,
      meanDaily: recent.length ? recent.reduce((sum, y) => sum + y, 0) / recent.length : 0,
      errorSd: score ? score.errorSd : fit.days.length ? (factor * halfWidthOf(fit.days[0])) / z : 0,
      holdoutWape: score?.wape ?? null,
      holdout: score ? { absErrorSum: score.absErrorSum, actualSum: score.actualSum } : null,
      factor,
      days: calibrateDays(fit.days, factor),
    };
  });
}

/** The series less its held-out days (and their uplift). */
function trainPart(s: DemandSeries): DemandSeries {
  const held = s.demand.length - HOLDOUT_DAYS;
  return {
    key: s.key,
    start: s.start,
    demand: s.demand.slice(0, held),
    ...(s.uplift ? { uplift: s.uplift.slice(0, held) } : {}),
  };
}
