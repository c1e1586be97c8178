import { normalQuantile } from '../forecast/normal-quantile';

/**
 * Dynamic safety stock, pure: no database, so the planner, its tests and the
 * bench (bench/safety-stock.js) compute exactly the same figures.
 *
 *   SS      = ceil(z x sigma_L)
 *   z       = the standard normal quantile of the service level (0.95 -> 1.645): the chance that demand over a
 *             lead time stays within its forecast plus SS, i.e. that a replenishment cycle ends without a stockout
 *   sigma_L = sqrt(sum over the lead-time days d of (errorSd x u_d)^2)
 *
 * errorSd is the standard deviation of the forecast's daily error on held-out days (`forecast_fit.error_sd`);
 * u_d is the planned promotions' factor on day d (1 without a promotion). Daily errors are taken as independent
 * and a promotion as scaling the day's error with its demand. Without promotions this is the textbook
 * z x errorSd x sqrt(L); a promotion inside the lead time raises SS for as long as it is ahead.
 *
 * The reorder point is the planned demand over the lead time plus SS:
 *
 *   ROP = ceil(sum over the lead-time days d of baseline_d x u_d) + SS
 *
 * with baseline_d the stored forecast of day d (the fit's recent mean past the stored horizon).
 */

const DAY_MS = 86_400_000;

/** The UTC day `t` falls on, YYYY-MM-DD. */
export const utcDay = (t: Date | number): string => new Date(t).toISOString().slice(0, 10);

/** The lead-time days: `leadTimeDays` UTC days from `today` (YYYY-MM-DD) on, today included. */
export function leadTimeWindow(today: string, leadTimeDays: number): string[] {
  const first = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(first)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  return Array.from({ length: leadTimeDays }, (_, i) => utcDay(first + i * DAY_MS));
}

/** z for a one-sided service level: the share of lead times that should end without a stockout. */
export const serviceZ = (serviceLevel: number): number => normalQuantile(serviceLevel);

export interface SafetyStockInputs {
  /** Standard deviation of the daily forecast error, units per day. */
  errorSd: number;
  serviceLevel: number;
  /** The lead-time days (`leadTimeWindow`). */
  days: readonly string[];
  /** Promotions' factor per day; a day absent has factor 1. */
  uplift?: ReadonlyMap<string, number>;
}

export interface SafetyStockFigure {
  safetyStock: number;
  z: number;
  /** sigma_L: the standard deviation of the forecast error summed over the lead time. */
  sigmaLeadTime: number;
  /**
   * The promotions' effect on the error over the lead time: sigma_L / (errorSd x sqrt(L)), i.e. the root mean
   * square of u_d (1 without promotions). SS = ceil(z x errorSd x sqrt(L) x uplift) reproduces the figure.
   */
  uplift: number;
}

// Float noise (a figure of 4.0000000005) must not add a unit; a millionth of a unit is never demand.
const ceilUnits = (x: number) => Math.max(0, Math.ceil(x - 1e-6));

/** The dynamic safety stock of one SKU x warehouse (see the formula above). */
export function dynamicSafetyStock({ errorSd, serviceLevel, days, uplift }: SafetyStockInputs): SafetyStockFigure {
  if (!(errorSd >= 0) || !Number.isFinite(errorSd)) throw new RangeError('errorSd must be a finite number >= 0');
  if (!days.length) throw new RangeError('the lead time has at least one day');
  const z = serviceZ(serviceLevel);
  const squares = days.reduce((sum, day) => sum + (uplift?.get(day) ?? 1) ** 2, 0);
  const sigmaLeadTime = errorSd * Math.sqrt(squares);
  return {
    safetyStock: ceilUnits(z * sigmaLeadTime),
    z,
    sigmaLeadTime,
    uplift: Math.sqrt(squares / days.length),
  };
}

export interface LeadTimeDemandInputs {
  days: readonly string[];
  /** The stored baseline forecast per day. */
  baseline: ReadonlyMap<string, number>;
  /** Units per day for a lead-time day the stored forecast does not reach. */
  meanDaily: number;
  uplift?: ReadonlyMap<string, number>;
}

/** Planned demand over the lead time: the baseline forecast times the promotions' uplift, summed (not rounded). */
export function leadTimeDemand({ days, baseline, meanDaily, uplift }: LeadTimeDemandInputs): number {
  return days.reduce((sum, day) => sum + (baseline.get(day) ?? meanDaily) * (uplift?.get(day) ?? 1), 0);
}

/** The reorder point: demand over the lead time, rounded up, plus the safety stock. */
export const reorderPointOf = (demand: number, safetyStock: number): number => ceilUnits(demand) + safetyStock;
