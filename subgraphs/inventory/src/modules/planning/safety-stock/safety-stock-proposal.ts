import { IntLimits, type Queryable } from '@supply-graph/shared';
import type { PlanningSettings } from '../../../config';
import { pairKey, type StockPair, type StoredFit } from '../forecast/forecast-store';
import { readLeadTimeInputs } from './demand-inputs';
import { currentPolicies, policyOf, type PlanningPolicy } from './planning-policy';
import { dynamicSafetyStock, leadTimeDemand, serviceZ, utcDay } from './safety-stock-formula';

/** What a recompute would set a level's safety stock to, with every input, before anything is locked. */
export interface SafetyStockProposal extends StockPair {
  policy: PlanningPolicy;
  /** The dynamic safety stock; null when the level has no fit with enough history (it stays FIXED). */
  dynamic: number | null;
  fit?: StoredFit;
  z: number;
  /** RMS of the promotions' factor over the lead time (1 without promotions). */
  uplift: number;
  /** Planned demand over the lead time, units (baseline x uplift), not rounded. */
  leadTimeDemand: number;
}

/** A fit counts once it saw this much history; a fit from a few weeks of sales says little about its error. */
export const hasEnoughHistory = (fit: StoredFit | undefined, minHistoryDays: number): fit is StoredFit =>
  !!fit && fit.historyDays >= minHistoryDays && Number.isFinite(fit.errorSd);

/**
 * The proposals of these pairs under the current policies (`settings` as the
 * defaults) and forecasts, from `now`'s UTC day on. Reads only: the
 * recompute applies them under the stock locks.
 */
export async function proposeSafetyStock(
  db: Queryable,
  pairs: readonly StockPair[],
  settings: PlanningSettings,
  now: Date,
): Promise<Map<string, SafetyStockProposal>> {
  const policies = await currentPolicies(db, pairs, policyOf(settings));
  const leadTimes = new Map([...policies].map(([key, p]) => [key, p.leadTimeDays]));
  const inputs = await readLeadTimeInputs(db, pairs, leadTimes, utcDay(now));
  const proposals = new Map<string, SafetyStockProposal>();
  for (const pair of pairs) {
    const key = pairKey(pair);
    const policy = policies.get(key)!;
    const input = inputs.get(key)!;
    const { fit } = input;
    // The figure is computed for every fitted pair, so a FIXED level's record still shows what dynamic would say.
    const figure = dynamicSafetyStock({
      errorSd: fit?.errorSd ?? 0,
      serviceLevel: policy.serviceLevel,
      days: input.days,
      uplift: input.uplift,
    });
    proposals.set(key, {
      sku: pair.sku,
      warehouseId: pair.warehouseId,
      policy,
      dynamic: hasEnoughHistory(fit, settings.minHistoryDays)
        ? Math.min(figure.safetyStock, IntLimits.onHand.max)
        : null,
      fit,
      z: serviceZ(policy.serviceLevel),
      uplift: figure.uplift,
      leadTimeDemand: fit ? leadTimeDemand({ ...input, meanDaily: fit.meanDaily }) : 0,
    });
  }
  return proposals;
}
