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
/** Scores a calibration pool needs (five series' held-out days) before its factor is used. */
const MIN_POOL_SCORES = 5 * HOLDOUT_DAYS;

/**
 * A series' volume class: its mean daily units by powers of two, from under a quarter unit to 16 and more.
 * Calibration pools its scores per model and volume class.
 */
export function volumeOf(demand: readonly number[]): number {
  const mean = demand.reduce((sum, y) => sum + y, 0) / Math.max(demand.length, 1);
  return mean > 0 ? Math.max(-3, Math.min(4, Math.floor(Math.log2(mean)))) : -3;
}

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
 * intervals (forecast-calibration.ts), pooled over the refit's series per
 * model and volume (`calibrationPools`): how far off intervals are is a
 * property of the model and the series' size (the seasonal model's are too
 * narrow on noisy counts, the recent mean's too wide on sparse ones), and 28
 * days of one series are too few to tell: on the demo history a series' own
 * 28 scores left sparse series at 58 % coverage, the pools reach 79-85 %
 * (80 % nominal, bench/results/forecast-calibration.md). A series too short
 * to hold days out is calibrated by its pool all the same. Results are in the
 * order given.
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
  const factorFor = calibrationPools(
    scored.map((index, i) => ({
      model: holdoutFits[i].model,
      demand: series[index].demand,
      scores: scores.get(index)!,
    })),
    level,
  );
  const z = zFor(level);
  return series.map((s, i) => {
    const fit = finalFits[i];
    const score = scores.get(i);
    const factor = factorFor(fit.model, s.demand);
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

/**
 * The calibration factor of a series fitted with `model`: from the scores of
 * the refit's held-out series of the same model and volume class (a seasonal
 * fit of 20 units a day misses differently from one of half a unit) when
 * there are MIN_POOL_SCORES of them, else of the same model, else of all;
 * 1 (the model's own intervals) when the refit scored nothing.
 */
function calibrationPools(
  held: readonly { model: string; demand: readonly number[]; scores: HoldoutScore }[],
  level: number,
): (model: string, demand: readonly number[]) => number {
  const pools = new Map<string, number[]>([['*', []]]);
  for (const { model, demand, scores } of held)
    for (const group of [`${model}/${volumeOf(demand)}`, model, '*']) {
      const pooled = pools.get(group) ?? [];
      pools.set(group, pooled);
      pooled.push(...scores.scores);
    }
  const factors = new Map<string, number>();
  return (model, demand) => {
    const volume = `${model}/${volumeOf(demand)}`;
    const group = (pools.get(volume)?.length ?? 0) >= MIN_POOL_SCORES ? volume : pools.has(model) ? model : '*';
    if (!factors.has(group)) factors.set(group, conformalFactor(pools.get(group)!, level));
    return factors.get(group)!;
  };
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
