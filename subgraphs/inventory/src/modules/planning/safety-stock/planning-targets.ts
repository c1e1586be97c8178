import type { Queryable } from '@supply-graph/shared';
import { pairKey, type StockPair } from '../forecast/forecast-store';
import { readLeadTimeInputs } from './demand-inputs';
import { readLevelPlans, type SafetyStockSource } from './planning-policy';
import { leadTimeDemand, reorderPointOf, utcDay } from './safety-stock-formula';

/** What a stock level should hold, per SKU x warehouse: the figures replenishment and transfers plan against. */
export interface PlanningTargets {
  /** Units kept back as a buffer: the level's safety stock now. */
  safetyStock: number;
  /** Order more when on hand less reserved plus inbound falls to this: demand over the lead time plus safety stock. */
  reorderPoint: number;
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays: number;
  /** Days between two looks at the level: an order covers the lead time and this. */
  reviewDays: number;
}

/** The targets with how they came about, as a stock level shows them. */
export interface PlanningTargetsDetail extends PlanningTargets, StockPair {
  /** FIXED: the operator's number; DYNAMIC: computed from the forecast error (safety-stock-formula.ts). */
  source: SafetyStockSource;
  /** What the level returns to when it is not DYNAMIC. */
  fixedSafetyStock: number;
  serviceLevel: number;
  /** Planned demand over the lead time (baseline forecast x promotions' uplift), before rounding. */
  leadTimeDemand: number;
}

/**
 * The targets of each pair (`pairKey`); a pair without a stock level is absent.
 *
 * The safety stock is the one the level holds (the recompute in
 * `safety-stock-recompute.ts` keeps it dynamic where the forecast allows);
 * the reorder point adds the planned demand over the level's lead time from
 * today (`safety-stock-formula.ts`), so a promotion planned inside the lead
 * time raises it at once. A pair never fitted has no forecast demand: its
 * reorder point is its safety stock.
 */
export async function planningTargets(
  db: Queryable,
  pairs: readonly StockPair[],
  now: Date = new Date(),
): Promise<Map<string, PlanningTargetsDetail>> {
  const plans = await readLevelPlans(db, pairs);
  const levels = [...plans.values()];
  const leadTimes = new Map(levels.map((p) => [pairKey(p), p.leadTimeDays]));
  const inputs = await readLeadTimeInputs(db, levels, leadTimes, utcDay(now));
  const targets = new Map<string, PlanningTargetsDetail>();
  for (const [key, plan] of plans) {
    const input = inputs.get(key)!;
    const demand = input.fit ? leadTimeDemand({ ...input, meanDaily: input.fit.meanDaily }) : 0;
    targets.set(key, {
      sku: plan.sku,
      warehouseId: plan.warehouseId,
      safetyStock: plan.safetyStock,
      reorderPoint: reorderPointOf(demand, plan.safetyStock),
      leadTimeDays: plan.leadTimeDays,
      reviewDays: plan.reviewDays,
      serviceLevel: plan.serviceLevel,
      source: plan.source,
      fixedSafetyStock: plan.fixedSafetyStock,
      leadTimeDemand: demand,
    });
  }
  return targets;
}
