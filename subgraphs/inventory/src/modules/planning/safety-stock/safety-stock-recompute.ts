import type { EventTransaction, Queryable, ServiceEvents } from '@supply-graph/shared';
import { planningSettingsOf } from '../../../config';
import { refreshStockAlerts } from '../../alerts/refresh-stock-alerts';
import { allocateBackorders } from '../../reservation/release.service';
import type { InventoryStrategies } from '../../../strategies';
import type { StockPair } from '../forecast/forecast-store';
import { readLevelPlans, type LevelPlan, type PlanningPolicy, type SafetyStockSource } from './planning-policy';
import { reorderPointOf } from './safety-stock-formula';
import { proposeSafetyStock, type SafetyStockProposal } from './safety-stock-proposal';

/** What a recompute works with: an inventory request context, or a background job's dependencies. */
export interface SafetyStockDeps extends InventoryStrategies {
  db: Queryable;
  events: ServiceEvents;
  /** The subgraph's config: its `planning` settings (the documented defaults when it has none). */
  config: object;
}

export interface RecomputeOptions {
  /** Only these SKUs' levels; every stock level when absent. */
  skus?: readonly string[];
  /** Only the levels of this warehouse. */
  warehouseId?: string;
  /** Why, recorded with each change ("hourly recompute", "promotion changed", ...). */
  reason: string;
  /** The moment the lead time starts (tests and the bench fix it). Default: now. */
  now?: Date;
}

/** One recorded change of a level's safety stock, with its inputs (`safety_stock_change`). */
export interface SafetyStockChangeRecord extends StockPair {
  id: string;
  changedAt: Date;
  reason: string;
  oldSafetyStock: number;
  newSafetyStock: number;
  source: SafetyStockSource;
  errorSd: number | null;
  historyDays: number | null;
  fittedAt: Date | null;
  leadTimeDays: number;
  serviceLevel: number;
  z: number;
  uplift: number;
  leadTimeDemand: number;
  reorderPoint: number;
}

export const CHANGE_COLUMNS = `id::text AS id, sku, warehouse_id AS "warehouseId", changed_at AS "changedAt", reason,
  old_safety_stock AS "oldSafetyStock", new_safety_stock AS "newSafetyStock", source, error_sd AS "errorSd",
  history_days AS "historyDays", fitted_at AS "fittedAt", lead_time_days AS "leadTimeDays",
  service_level AS "serviceLevel", z, uplift, lead_time_demand AS "leadTimeDemand", reorder_point AS "reorderPoint"`;

// Pairs per read: one recompute of every level reads in slices of bounded parameter size.
const SLICE = 2_000;

/**
 * Brings safety stocks up to date: DYNAMIC (safety-stock-formula.ts) where a
 * level's forecast saw enough history, else back to the operator's fixed
 * number. Proposals are computed from unlocked reads; each SKU whose levels
 * would change is then done in its own transaction that locks its stock rows
 * first (the lock every stock writer takes, in the same order), re-reads them,
 * writes the new figures with a change record each, and, when a safety stock
 * went down, offers the freed units to waiting orders (which refreshes the
 * alerts; otherwise they are refreshed directly). A reservation racing with it
 * sees either the old or the new safety stock, never a mix: nothing oversells.
 *
 * Call it after a promotion changes (with its SKUs, e.g. `recomputeSafetyStock(ctx, { skus, reason: 'promotion
 * changed' })`, once the promotion's transaction has committed: it reads what is committed and opens transactions
 * of its own), after a refit, or when a policy changes; the background job runs it for every level on a schedule.
 * Returns the changes made.
 */
export async function recomputeSafetyStock(
  deps: SafetyStockDeps,
  options: RecomputeOptions,
): Promise<SafetyStockChangeRecord[]> {
  const settings = planningSettingsOf(deps.config);
  const now = options.now ?? new Date();
  const pairs = (await deps.db.query(
    `SELECT sku, warehouse_id AS "warehouseId" FROM stock_level
     WHERE ($1::text[] IS NULL OR sku = ANY($1::text[])) AND ($2::uuid IS NULL OR warehouse_id = $2)
     ORDER BY sku, warehouse_id`,
    [options.skus ? [...options.skus] : null, options.warehouseId ?? null],
  )) as StockPair[];
  const changes: SafetyStockChangeRecord[] = [];
  for (let i = 0; i < pairs.length; i += SLICE) {
    const slice = pairs.slice(i, i + SLICE);
    const proposals = await proposeSafetyStock(deps.db, slice, settings, now);
    const plans = await readLevelPlans(deps.db, slice);
    const bySku = new Map<string, SafetyStockProposal[]>();
    for (const [key, proposal] of proposals) {
      const plan = plans.get(key);
      if (!plan || !needsWrite(plan, proposal)) continue;
      bySku.set(proposal.sku, [...(bySku.get(proposal.sku) ?? []), proposal]);
    }
    for (const [sku, list] of bySku)
      changes.push(...(await deps.events.transaction((tx) => applyForSku(tx, sku, list, options.reason, deps))));
  }
  return changes;
}

const samePolicy = (a: PlanningPolicy, b: PlanningPolicy) =>
  a.leadTimeDays === b.leadTimeDays && a.reviewDays === b.reviewDays && a.serviceLevel === b.serviceLevel;

function needsWrite(plan: LevelPlan, proposal: SafetyStockProposal): boolean {
  if (proposal.dynamic === null) return plan.source === 'DYNAMIC';
  return plan.source === 'FIXED' || plan.safetyStock !== proposal.dynamic || !samePolicy(plan, proposal.policy);
}

interface LockedLevel {
  warehouseId: string;
  safetyStock: number;
  /** The stored fixed number when the level is DYNAMIC; null when it is FIXED. */
  fixed: number | null;
}

async function applyForSku(
  tx: EventTransaction,
  sku: string,
  proposals: SafetyStockProposal[],
  reason: string,
  strategies: InventoryStrategies,
): Promise<SafetyStockChangeRecord[]> {
  const em = tx.manager;
  // The lock reservations take (reservation.service.ts): every level of the SKU, by warehouse.
  const locked = (await em.query(
    `SELECT s.warehouse_id AS "warehouseId", s.safety_stock AS "safetyStock", pl.fixed_safety_stock AS fixed
     FROM stock_level s LEFT JOIN safety_stock_plan pl USING (sku, warehouse_id)
     WHERE s.sku = $1 ORDER BY s.sku, s.warehouse_id FOR UPDATE OF s`,
    [sku],
  )) as LockedLevel[];
  const levels = new Map(locked.map((l) => [l.warehouseId, l]));
  const changes: SafetyStockChangeRecord[] = [];
  let lowered = false;
  for (const proposal of proposals) {
    const level = levels.get(proposal.warehouseId);
    if (!level) continue;
    const fixed = level.fixed ?? level.safetyStock;
    const oldSource: SafetyStockSource = level.fixed === null ? 'FIXED' : 'DYNAMIC';
    const source: SafetyStockSource = proposal.dynamic === null ? 'FIXED' : 'DYNAMIC';
    const next = proposal.dynamic ?? fixed;
    if (source === 'DYNAMIC') {
      const { leadTimeDays, reviewDays, serviceLevel } = proposal.policy;
      await em.query(
        `INSERT INTO safety_stock_plan (sku, warehouse_id, fixed_safety_stock, lead_time_days, review_days,
           service_level, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (sku, warehouse_id) DO UPDATE SET lead_time_days = EXCLUDED.lead_time_days,
           review_days = EXCLUDED.review_days, service_level = EXCLUDED.service_level, computed_at = now()`,
        [sku, proposal.warehouseId, fixed, leadTimeDays, reviewDays, serviceLevel],
      );
    } else if (oldSource === 'DYNAMIC') {
      await em.query('DELETE FROM safety_stock_plan WHERE sku = $1 AND warehouse_id = $2', [sku, proposal.warehouseId]);
    }
    if (next === level.safetyStock && source === oldSource) continue;
    if (next !== level.safetyStock)
      await em.query(
        'UPDATE stock_level SET safety_stock = $3, updated_at = now() WHERE sku = $1 AND warehouse_id = $2',
        [sku, proposal.warehouseId, next],
      );
    lowered ||= next < level.safetyStock;
    changes.push(await recordChange(tx, proposal, reason, level.safetyStock, next, source));
  }
  // Units a lower safety stock frees go to waiting orders first; either way the alerts follow the new numbers.
  if (lowered) await allocateBackorders(tx, [sku], strategies);
  else if (changes.length) await refreshStockAlerts(em, [sku]);
  return changes;
}

async function recordChange(
  tx: EventTransaction,
  p: SafetyStockProposal,
  reason: string,
  oldSafetyStock: number,
  newSafetyStock: number,
  source: SafetyStockSource,
): Promise<SafetyStockChangeRecord> {
  const [row] = (await tx.manager.query(
    `INSERT INTO safety_stock_change (sku, warehouse_id, reason, old_safety_stock, new_safety_stock, source,
       error_sd, history_days, fitted_at, lead_time_days, service_level, z, uplift, lead_time_demand, reorder_point)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING ${CHANGE_COLUMNS}`,
    [
      p.sku,
      p.warehouseId,
      reason,
      oldSafetyStock,
      newSafetyStock,
      source,
      p.fit?.errorSd ?? null,
      p.fit?.historyDays ?? null,
      p.fit?.fittedAt ?? null,
      p.policy.leadTimeDays,
      p.policy.serviceLevel,
      p.z,
      p.uplift,
      p.leadTimeDemand,
      reorderPointOf(p.leadTimeDemand, newSafetyStock),
    ],
  )) as SafetyStockChangeRecord[];
  return row;
}
