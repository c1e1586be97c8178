import type { Queryable } from '@supply-graph/shared';
import { pairKey, readForecastDays, type StockPair } from '../forecast/forecast-store';
import { plannedUplift } from '../promotion/promotion-uplift';
import { planningTargets } from '../safety-stock/planning-targets';
import { inboundInTransit } from '../transfer/in-transit';
import type { PlanInput } from './replenishment-plan';

/** Which stock levels to plan: null filters match every one. */
export interface PlanScope {
  sku: string | null;
  warehouseId: string | null;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const offsetOf = (today: string, day: string) => Math.round((Date.parse(day) - Date.parse(today)) / DAY);

/**
 * Everything the plan of each matching stock level needs, in a fixed number of
 * statements however many levels match: the levels, their targets, the units
 * inbound, and the forecast days and promotions' uplift from `today` through
 * the horizon plus the longest lead time + review period (an order placed on
 * the horizon's last day covers that far). Each read is its own snapshot: a
 * plan, not a booking, and a refit replaces a pair's forecast in one
 * transaction, so a pair is never read half-replaced.
 */
export async function readPlanInputs(
  db: Queryable,
  scope: PlanScope,
  today: string,
  horizonDays: number,
): Promise<PlanInput[]> {
  const levels = (await db.query(
    `SELECT sku, warehouse_id AS "warehouseId", on_hand AS "onHand", reserved FROM stock_level
     WHERE ($1::text IS NULL OR sku = $1) AND ($2::uuid IS NULL OR warehouse_id = $2)
     ORDER BY sku, warehouse_id`,
    [scope.sku, scope.warehouseId],
  )) as (StockPair & { onHand: number; reserved: number })[];
  if (!levels.length) return [];
  const [targets, inbound] = await Promise.all([planningTargets(db, levels), inboundInTransit(db, levels)]);
  let longestCover = 0;
  for (const t of targets.values()) longestCover = Math.max(longestCover, Math.ceil(t.leadTimeDays + t.reviewDays));
  const to = addDays(today, horizonDays - 1 + longestCover);
  const [forecasts, uplifts] = await Promise.all([
    readForecastDays(db, levels, today, to),
    plannedUplift(db, levels, today, to),
  ]);
  const inputs: PlanInput[] = [];
  for (const level of levels) {
    const key = pairKey(level);
    const target = targets.get(key);
    // planningTargets answers every pair with a stock level; one deleted meanwhile is not planned.
    if (!target) continue;
    const baseline: number[] = [];
    for (const d of forecasts.get(key) ?? []) baseline[offsetOf(today, d.day)] = d.point;
    const uplift: number[] = [];
    for (const [day, factor] of uplifts.get(key) ?? []) uplift[offsetOf(today, day)] = factor;
    inputs.push({
      ...level,
      today,
      horizonDays,
      inbound: inbound.get(key) ?? 0,
      targets: target,
      baseline,
      uplift,
    });
  }
  return inputs;
}
