import type { BackgroundJobDefinition } from '@supply-graph/shared';
import { planningSettingsOf, type PlanningSettings } from '../../../config';
import type { InventoryStrategies } from '../../../strategies';
import { recomputeSafetyStock, type SafetyStockDeps } from './safety-stock-recompute';

/** How often the job looks whether a full recompute is due: one cheap statement. */
export const CHECK_INTERVAL_MS = 5 * 60_000;

/** The settings a full recompute records, so a restart with other settings is noticed. */
const recordedSettings = (s: PlanningSettings) => ({
  leadTimeDays: s.leadTimeDays,
  reviewDays: s.reviewDays,
  serviceLevel: s.serviceLevel,
  minHistoryDays: s.minHistoryDays,
});

interface RunState {
  finishedAt: Date | null;
  fitsSeen: Date | null;
  settings: Record<string, number> | null;
  latestFit: Date | null;
  latestPolicy: Date | null;
}

/**
 * Why every level's safety stock should be recomputed now, or null: never
 * recomputed, the settings changed, a refit is newer than the last recompute,
 * a policy changed since (its own recompute failed), or the interval passed.
 */
export function dueReason(state: RunState, settings: PlanningSettings, now: Date): string | null {
  if (!state.finishedAt) return 'first recompute';
  const recorded = recordedSettings(settings);
  if (Object.entries(recorded).some(([k, v]) => state.settings?.[k] !== v)) return 'planning settings changed';
  if (state.latestFit && (!state.fitsSeen || state.latestFit > state.fitsSeen)) return 'forecasts refitted';
  if (state.latestPolicy && state.latestPolicy > state.finishedAt) return 'planning policy changed';
  if (now.getTime() - state.finishedAt.getTime() >= settings.recomputeMinutes * 60_000) return 'scheduled recompute';
  return null;
}

/**
 * Recomputes every level's safety stock when due (`dueReason`) and records
 * the run. Two replicas may both run it: each SKU is applied under its stock
 * locks, so the second finds nothing left to change.
 */
export async function recomputeIfDue(
  deps: SafetyStockDeps,
  now = new Date(),
): Promise<{ reason: string | null; changed: number }> {
  const settings = planningSettingsOf(deps.config);
  const [state] = (await deps.db.query(
    `SELECT r.finished_at AS "finishedAt", r.fits_seen AS "fitsSeen", r.settings,
            (SELECT max(fitted_at) FROM forecast_fit) AS "latestFit",
            (SELECT max(updated_at) FROM planning_policy) AS "latestPolicy"
     FROM (SELECT 1) AS one LEFT JOIN safety_stock_run r ON true`,
  )) as RunState[];
  const reason = dueReason(state, settings, now);
  if (!reason) return { reason, changed: 0 };
  const changes = await recomputeSafetyStock(deps, { reason, now });
  // The fits seen are those read before the run: a refit landing meanwhile makes the next check due again.
  await deps.db.query(
    `INSERT INTO safety_stock_run (id, finished_at, fits_seen, settings) VALUES (true, now(), $1, $2)
     ON CONFLICT (id) DO UPDATE SET finished_at = now(), fits_seen = EXCLUDED.fits_seen, settings = EXCLUDED.settings`,
    [state.latestFit, JSON.stringify(recordedSettings(settings))],
  );
  return { reason, changed: changes.length };
}

/**
 * Keeps safety stocks dynamic: every 5 minutes it checks whether a full
 * recompute is due (hourly by default, INVENTORY_SAFETY_STOCK_RECOMPUTE_MINUTES;
 * sooner after a refit or a settings change); 0 disables it.
 */
export function safetyStockJob(strategies: InventoryStrategies): BackgroundJobDefinition {
  return {
    name: 'safety-stock recompute',
    intervalMs: (config) => {
      const minutes = planningSettingsOf(config).recomputeMinutes;
      return minutes === 0 ? 0 : Math.min(CHECK_INTERVAL_MS, minutes * 60_000);
    },
    async run({ db, events, config, log }) {
      const started = performance.now();
      const { reason, changed } = await recomputeIfDue({ db, events, config, ...strategies });
      if (reason) log.info({ reason, changed, ms: Math.round(performance.now() - started) }, 'recomputed safety stock');
    },
  };
}
