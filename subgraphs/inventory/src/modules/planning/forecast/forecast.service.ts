import { visibleChannels } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import { UNIT_ALLOWANCE } from './forecast-calibration';
import type { PairForecast, PlannedDay } from './forecast.loader';
import { REFIT_HORIZON } from './forecast-refit';
import type { ForecastDayType, ProductForecast } from './forecast.type';

/** Days `Product.forecast` returns unless asked: the planner's month. */
export const DEFAULT_FORECAST_DAYS = 30;
/** The most a field may ask for: what a refit stores. */
export const MAX_FORECAST_DAYS = REFIT_HORIZON;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A caller scoped to some channels sees no forecast: a forecast sums every
 * channel's demand, and a channel's sales are its own business (as in the
 * demand history, which shows such a caller only its channels).
 */
const seesForecasts = (ctx: InventoryContext) => visibleChannels(ctx.principal) === null;

/** Reads of the stored forecasts, promotions applied. */
export const forecastService = {
  /**
   * A product's forecast at a warehouse, or summed over its warehouses; null
   * when never fitted there (or the warehouse id names no warehouse).
   */
  async productForecast(
    ctx: InventoryContext,
    sku: string,
    warehouseId: string | null,
    days: number,
  ): Promise<ProductForecast | null> {
    if (!seesForecasts(ctx) || (warehouseId !== null && !UUID.test(warehouseId))) return null;
    const pairs = await ctx.loaders.forecast.load({ sku, warehouseId, days });
    if (!pairs.length) return null;
    return warehouseId === null ? summed(pairs) : single(pairs[0]);
  },

  /** The stock level's planned days (all that are stored, from today); null without a forecast. */
  async levelDays(ctx: InventoryContext, sku: string, warehouseId: string): Promise<PlannedDay[] | null> {
    if (!seesForecasts(ctx)) return null;
    const [pair] = await ctx.loaders.forecast.load({ sku, warehouseId, days: MAX_FORECAST_DAYS });
    return pair ? pair.days : null;
  },
};

/** Planned units over the first `days` days. */
export const plannedUnits = (days: readonly PlannedDay[], count: number): number =>
  days.slice(0, count).reduce((sum, d) => sum + d.point, 0);

/**
 * Days until `available` units are used up at the planned demand, day by day
 * (a promotion next week shortens the cover), a fraction of the day they run
 * out on; past the stored days at their mean daily demand. 0 when nothing is
 * available; null when the days plan no demand at all.
 */
export function daysOfCover(days: readonly PlannedDay[], available: number): number | null {
  const total = plannedUnits(days, days.length);
  if (!(total > 0)) return null;
  if (available <= 0) return 0;
  let left = available;
  for (let i = 0; i < days.length; i += 1) {
    if (days[i].point >= left) return i + left / days[i].point;
    left -= days[i].point;
  }
  return days.length + left / (total / days.length);
}

function single(p: PairForecast): ProductForecast {
  return {
    warehouseId: p.warehouseId,
    model: p.model,
    level: p.level,
    fittedAt: p.fittedAt,
    holdoutWape: p.holdoutWape,
    errorSd: p.errorSd,
    days: p.days,
  };
}

/**
 * The sum over warehouses. Points and baselines add up; the interval's
 * half-width is the warehouses' half-widths added in quadrature (sums of
 * independent errors: variances add), so the total's interval is narrower
 * than the sum of the bounds. Only the days every warehouse's fit covers.
 * WAPE is the warehouses' weighted by their demand on the held-out days
 * (meanDaily is their mean), i.e. sum |error| / sum actual over all of them.
 */
function summed(pairs: readonly PairForecast[]): ProductForecast {
  const byDate = pairs.map((p) => new Map(p.days.map((d) => [d.date, d])));
  const days: ForecastDayType[] = [];
  for (const { date } of pairs[0].days) {
    const today = byDate.map((m) => m.get(date));
    if (today.some((d) => !d)) continue;
    let baseline = 0;
    let point = 0;
    let squares = 0;
    for (const d of today as PlannedDay[]) {
      baseline += d.baseline;
      point += d.point;
      squares += (d.upper - d.point) ** 2;
    }
    const half = Math.sqrt(squares);
    days.push({
      date,
      baseline,
      point,
      lower: Math.max(0, point - half - UNIT_ALLOWANCE),
      upper: point + half,
      uplift: baseline > 0 ? point / baseline : 1,
    });
  }
  const scored = pairs.filter((p) => p.holdoutWape !== null);
  const weight = scored.reduce((sum, p) => sum + p.meanDaily, 0);
  const models = new Set(pairs.map((p) => p.model));
  return {
    warehouseId: null,
    model: models.size === 1 ? pairs[0].model : 'mixed',
    level: pairs[0].level,
    fittedAt: new Date(Math.min(...pairs.map((p) => p.fittedAt.getTime()))),
    holdoutWape: weight > 0 ? scored.reduce((sum, p) => sum + p.holdoutWape! * p.meanDaily, 0) / weight : null,
    errorSd: Math.sqrt(pairs.reduce((sum, p) => sum + p.errorSd ** 2, 0)),
    days,
  };
}
