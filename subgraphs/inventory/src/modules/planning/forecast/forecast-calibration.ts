import type { ForecastDay } from './forecast-model';

/**
 * Interval calibration (split conformal): the engine's intervals are the
 * models' own, and on the demo's sparse daily counts its 80 % intervals hold
 * about two days in three (bench/results/forecast.md). A refit therefore
 * holds each series' last days out, fits on the rest, and measures how far
 * outside its intervals the held-out days fell: a day's nonconformity score
 * is its distance from the point in interval half-widths. The factor that
 * puts `level` of those scores inside (the finite-sample conformal quantile)
 * then widens or narrows the final fit's intervals to point ± factor x
 * half-width, so a day's spread keeps the shape the model gave it (growing
 * with the horizon, scaled by promotions) and only its size is corrected.
 *
 * Demand comes in whole units: a lower bound reaches half a unit further
 * down (the unit at the bound counts inside, as it would once rounded), and
 * the score of a day below the point allows for that half unit. Without it a
 * sparse series' interval of, say, 0.1-0.3 units would leave out its likeliest
 * day, zero.
 */

/** Half a unit: what a lower bound reaches below point - factor x half-width (see above). */
export const UNIT_ALLOWANCE = 0.5;

/**
 * Narrower half-widths count as this (units) when scoring and widening: a
 * model that claims certainty on count data (a constant or empty history)
 * would otherwise turn its first miss into an infinite factor.
 */
export const MIN_HALF_WIDTH = 0.5;

/** The half-width of a day's interval as calibration sees it: the upper side, which the zero floor never clips. */
export const halfWidthOf = (day: Pick<ForecastDay, 'point' | 'upper'>): number =>
  Math.max(day.upper - day.point, MIN_HALF_WIDTH);

/** How a fit did on the days held out of it. */
export interface HoldoutScore {
  /** Root mean square of the daily error (actual - planned), units: a biased forecast's bias counts as error. */
  errorSd: number;
  /** Sum of |error| over the sum of actual units; null when nothing was demanded on those days. */
  wape: number | null;
  absErrorSum: number;
  actualSum: number;
  /** Each day's distance from its planned point in planned half-widths (half a unit allowed below). */
  scores: number[];
}

/**
 * Scores a forecast of the held-out days against what happened. `uplift` is
 * the known promotions' factor on each of those days (the forecast is a
 * baseline: the day's plan is point x uplift, and so is its spread).
 */
export function scoreHoldout(
  forecast: readonly ForecastDay[],
  actual: readonly number[],
  uplift?: readonly number[],
): HoldoutScore {
  let squares = 0;
  let absErrorSum = 0;
  let actualSum = 0;
  const scores: number[] = [];
  actual.forEach((y, i) => {
    const u = uplift?.[i] ?? 1;
    const error = y - forecast[i].point * u;
    squares += error ** 2;
    absErrorSum += Math.abs(error);
    actualSum += y;
    const distance = error >= 0 ? error : Math.max(0, -error - UNIT_ALLOWANCE * u);
    scores.push(distance / (halfWidthOf(forecast[i]) * Math.max(u, Number.EPSILON)));
  });
  return {
    errorSd: actual.length ? Math.sqrt(squares / actual.length) : 0,
    wape: actualSum > 0 ? absErrorSum / actualSum : null,
    absErrorSum,
    actualSum,
    scores,
  };
}

/**
 * The split-conformal factor: the ceil((n + 1) x level)-th smallest of n
 * scores (capped at the largest), so that a new day's score is at most the
 * factor with probability `level` when the days are exchangeable. 1 (the
 * model's intervals as they are) when there are no scores.
 */
export function conformalFactor(scores: readonly number[], level: number): number {
  if (!scores.length) return 1;
  const sorted = [...scores].sort((a, b) => a - b);
  const rank = Math.min(Math.ceil((sorted.length + 1) * level), sorted.length);
  // A hair over the score: the day that set the factor stays inside once point ± factor x half-width is rounded.
  return sorted[rank - 1] * (1 + 1e-9);
}

/** The days with their intervals scaled by `factor` about the point (lower bounds less half a unit, never below 0). */
export function calibrateDays(days: readonly ForecastDay[], factor: number): ForecastDay[] {
  return days.map((d) => {
    const half = factor * halfWidthOf(d);
    return { date: d.date, point: d.point, lower: Math.max(0, d.point - half - UNIT_ALLOWANCE), upper: d.point + half };
  });
}
