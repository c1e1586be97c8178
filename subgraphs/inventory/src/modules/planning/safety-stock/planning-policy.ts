import type { Queryable } from '@supply-graph/shared';
import { DEFAULT_PLANNING_SETTINGS, type PlanningSettings } from '../../../config';
import { pairKey, type StockPair } from '../forecast/forecast-store';

/** The figures a level is planned with; each comes from the level's override, its warehouse's, or the config. */
export interface PlanningPolicy {
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays: number;
  /** Days between two looks at the level. */
  reviewDays: number;
  /** The share of lead times that should pass without a stockout (0.95). */
  serviceLevel: number;
}

export type SafetyStockSource = 'FIXED' | 'DYNAMIC';

/** A level's policy and where its safety stock comes from now. */
export interface LevelPlan extends StockPair, PlanningPolicy {
  /** The safety stock the level holds now (`stock_level.safety_stock`). */
  safetyStock: number;
  source: SafetyStockSource;
  /** The operator's number: what the level holds when FIXED, and returns to when its safety stock stops being dynamic. */
  fixedSafetyStock: number;
}

/** The policy fields of the configuration (what a stored run recorded, or the process's settings). */
export const policyOf = (
  s: Pick<PlanningSettings, 'leadTimeDays' | 'reviewDays' | 'serviceLevel'>,
): PlanningPolicy => ({
  leadTimeDays: s.leadTimeDays,
  reviewDays: s.reviewDays,
  serviceLevel: s.serviceLevel,
});

// A level's own override first, then its warehouse's, then the defaults ($3..$5).
const POLICY_JOINS = `
  LEFT JOIN planning_policy l ON l.warehouse_id = p.warehouse_id AND l.sku = p.sku
  LEFT JOIN planning_policy w ON w.warehouse_id = p.warehouse_id AND w.sku IS NULL`;

const inherited = (column: string, fallback: string) => `coalesce(l.${column}, w.${column}, ${fallback})`;

/**
 * The policy each pair is planned with from now on: what a recompute uses.
 * Pairs are returned whether or not they have a stock level.
 */
export async function currentPolicies(
  db: Queryable,
  pairs: readonly StockPair[],
  defaults: PlanningPolicy,
): Promise<Map<string, PlanningPolicy>> {
  if (!pairs.length) return new Map();
  const rows = (await db.query(
    `SELECT p.sku, p.warehouse_id AS "warehouseId",
            ${inherited('lead_time_days', '$3::int')} AS "leadTimeDays",
            ${inherited('review_days', '$4::int')} AS "reviewDays",
            ${inherited('service_level', '$5::float8')} AS "serviceLevel"
     FROM unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id) ${POLICY_JOINS}`,
    [
      pairs.map((p) => p.sku),
      pairs.map((p) => p.warehouseId),
      defaults.leadTimeDays,
      defaults.reviewDays,
      defaults.serviceLevel,
    ],
  )) as (StockPair & PlanningPolicy)[];
  return new Map(rows.map((r) => [pairKey(r), policyOf(r)]));
}

/**
 * Each stock level's plan as it stands: a DYNAMIC level keeps the policy its
 * safety stock was computed with (so the reorder point matches it until the
 * next recompute); a FIXED level has the current policy, with the defaults
 * of the last full recompute (the running configuration), else the
 * documented ones. A pair without a stock level is absent.
 */
export async function readLevelPlans(db: Queryable, pairs: readonly StockPair[]): Promise<Map<string, LevelPlan>> {
  if (!pairs.length) return new Map();
  const d = DEFAULT_PLANNING_SETTINGS;
  const stored = (field: keyof PlanningPolicy, cast: string, fallback: number) =>
    `coalesce((r.settings->>'${field}')::${cast}, ${fallback})`;
  const rows = (await db.query(
    `SELECT p.sku, p.warehouse_id AS "warehouseId", s.safety_stock AS "safetyStock",
            CASE WHEN pl.sku IS NULL THEN 'FIXED' ELSE 'DYNAMIC' END AS source,
            coalesce(pl.fixed_safety_stock, s.safety_stock) AS "fixedSafetyStock",
            coalesce(pl.lead_time_days, ${inherited('lead_time_days', stored('leadTimeDays', 'int', d.leadTimeDays))})
              AS "leadTimeDays",
            coalesce(pl.review_days, ${inherited('review_days', stored('reviewDays', 'int', d.reviewDays))})
              AS "reviewDays",
            coalesce(pl.service_level,
              ${inherited('service_level', stored('serviceLevel', 'float8', d.serviceLevel))}) AS "serviceLevel"
     FROM unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id)
     JOIN stock_level s ON s.sku = p.sku AND s.warehouse_id = p.warehouse_id
     LEFT JOIN safety_stock_plan pl ON pl.sku = p.sku AND pl.warehouse_id = p.warehouse_id
     ${POLICY_JOINS}
     LEFT JOIN safety_stock_run r ON true`,
    [pairs.map((p) => p.sku), pairs.map((p) => p.warehouseId)],
  )) as LevelPlan[];
  return new Map(rows.map((r) => [pairKey(r), r]));
}
