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
 * - the planning forecasts' (`config.forecast`, see `forecastSettingsOf`): INVENTORY_FORECAST_THREADS,
 *   INVENTORY_FORECAST_REFIT_HOURS, INVENTORY_FORECAST_HISTORY_DAYS
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
  loadConfig(
    'inventory',
    z.intersection(z.intersection(subgraphEnv('inventory', 4003), planningEnv), forecastPlanningEnv),
    env,
  );

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;

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

const refitEnv = z
  .object({
    INVENTORY_FORECAST_REFIT_HOURS: numberVar(
      z
        .number()
        .min(0)
        .max(24 * 365),
      24,
    ),
    INVENTORY_FORECAST_HISTORY_DAYS: numberVar(z.number().int().min(14).max(730), 180),
  })
  .transform((env) => ({
    refitIntervalMs: Math.round(env.INVENTORY_FORECAST_REFIT_HOURS * 3_600_000),
    historyDays: env.INVENTORY_FORECAST_HISTORY_DAYS,
  }));

/** The planning forecasts' settings inside the inventory config (`config.forecast`): the pool's and the refit's. */
export type ForecastRefitSettings = ForecastSettings & z.output<typeof refitEnv>;

const forecastPlanningEnv = z
  .intersection(forecastEnv, refitEnv)
  .transform((forecast): { forecast: ForecastRefitSettings } => ({ forecast }));

/**
 * - INVENTORY_FORECAST_REFIT_HOURS (default 24): the stored forecasts are refitted when the oldest is this old (and
 *   soon after start when there are none); 0 turns the schedule off (`refitForecasts` still refits on demand).
 * - INVENTORY_FORECAST_HISTORY_DAYS (default 180): days of demand history, up to yesterday, a refit fits on.
 */
export const DEFAULT_FORECAST_REFIT_SETTINGS: Readonly<ForecastRefitSettings> = loadConfig(
  'inventory',
  forecastPlanningEnv,
  {},
).forecast;

/** The forecast settings of a started subgraph's config; the defaults when it carries none (tools, tests). */
export function forecastSettingsOf(config: object): Readonly<ForecastRefitSettings> {
  return (config as { forecast?: ForecastRefitSettings }).forecast ?? DEFAULT_FORECAST_REFIT_SETTINGS;
}
