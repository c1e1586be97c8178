import { availableParallelism } from 'node:os';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';
import { z } from 'zod';

// An empty variable means "not set", as everywhere else in the project.
const numberVar = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().pipe(schema).default(fallback),
  );

/** The bounds a planning policy's figures keep, in the environment and in `setPlanningPolicy` alike. */
export const PLANNING_LIMITS = Object.freeze({
  leadTimeDays: { min: 1, max: 365 },
  reviewDays: { min: 1, max: 365 },
  serviceLevel: { min: 0.5, max: 0.999 },
});

const L = PLANNING_LIMITS;
const planningEnv = z
  .object({
    INVENTORY_LEAD_TIME_DAYS: numberVar(z.number().int().min(L.leadTimeDays.min).max(L.leadTimeDays.max), 7),
    INVENTORY_REVIEW_DAYS: numberVar(z.number().int().min(L.reviewDays.min).max(L.reviewDays.max), 7),
    INVENTORY_SERVICE_LEVEL: numberVar(z.number().min(L.serviceLevel.min).max(L.serviceLevel.max), 0.95),
    INVENTORY_SAFETY_STOCK_MIN_HISTORY_DAYS: numberVar(z.number().int().min(14).max(3650), 56),
    INVENTORY_SAFETY_STOCK_RECOMPUTE_MINUTES: numberVar(
      z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60),
      60,
    ),
  })
  .transform((env) => ({
    planning: Object.freeze({
      leadTimeDays: env.INVENTORY_LEAD_TIME_DAYS,
      reviewDays: env.INVENTORY_REVIEW_DAYS,
      serviceLevel: env.INVENTORY_SERVICE_LEVEL,
      minHistoryDays: env.INVENTORY_SAFETY_STOCK_MIN_HISTORY_DAYS,
      recomputeMinutes: env.INVENTORY_SAFETY_STOCK_RECOMPUTE_MINUTES,
    }),
  }));

/** Planning defaults and the safety-stock recompute (see `loadInventoryConfig` for the variables). */
export type PlanningSettings = z.output<typeof planningEnv>['planning'];

/** The documented defaults, for code that runs without an environment (schema builds, tools, tests). */
export const DEFAULT_PLANNING_SETTINGS: Readonly<PlanningSettings> = loadConfig('inventory', planningEnv, {}).planning;

/**
 * Inventory subgraph settings.
 * - INVENTORY_PORT (default 4003), INVENTORY_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - INVENTORY_DB_SCHEMA (default "inventory"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 *
 * Planning (per SKU x warehouse; `setPlanningPolicy` overrides the first three per warehouse or per level):
 * - INVENTORY_LEAD_TIME_DAYS (default 7, 1..365): days from ordering (or producing) to units on the shelf
 * - INVENTORY_REVIEW_DAYS (default 7, 1..365): days between two looks at a level (replenishment orders cover them)
 * - INVENTORY_SERVICE_LEVEL (default 0.95, 0.5..0.999): the chance a lead time passes without a stockout, which
 *   dynamic safety stock is sized for
 * - INVENTORY_SAFETY_STOCK_MIN_HISTORY_DAYS (default 56, 14..3650): a level's safety stock becomes dynamic once its
 *   forecast was fitted on at least this many days of demand; before, the fixed number stays
 * - INVENTORY_SAFETY_STOCK_RECOMPUTE_MINUTES (default 60, 0 disables): how often every level's safety stock is
 *   recomputed; a refit, or changed planning settings, bring the next recompute forward (checked every 5 minutes)
 */
export const loadInventoryConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('inventory', z.intersection(subgraphEnv('inventory', 4003), planningEnv), env);

/** The planning settings inside a started subgraph's config; the defaults when it carries none. */
export function planningSettingsOf(config: object): Readonly<PlanningSettings> {
  return (config as { planning?: PlanningSettings }).planning ?? DEFAULT_PLANNING_SETTINGS;
}

const forecastEnv = z
  .object({
    INVENTORY_FORECAST_THREADS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number()
        .int()
        .min(1)
        .max(64)
        .default(Math.max(1, availableParallelism() - 1)),
    ),
  })
  .transform((env) => ({ threads: env.INVENTORY_FORECAST_THREADS }));

/** Settings of the planning forecasts' worker pool (`modules/planning/forecast/forecast-pool.ts`). */
export type ForecastSettings = z.output<typeof forecastEnv>;

/**
 * - INVENTORY_FORECAST_THREADS: worker threads that fit forecasts (default: the cores less one, at least 1,
 *   so a refit leaves a core to the requests the subgraph serves meanwhile).
 */
export const loadForecastSettings = (env?: Record<string, string | undefined>): Readonly<ForecastSettings> =>
  loadConfig('inventory', forecastEnv, env);
