import { availableParallelism } from 'node:os';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';
import { z } from 'zod';

/**
 * Inventory subgraph settings.
 * - INVENTORY_PORT (default 4003), INVENTORY_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - INVENTORY_DB_SCHEMA (default "inventory"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 * - the planning forecasts' (`config.forecast`, see `forecastSettingsOf`): INVENTORY_FORECAST_THREADS,
 *   INVENTORY_FORECAST_REFIT_HOURS, INVENTORY_FORECAST_HISTORY_DAYS
 */
export const loadInventoryConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('inventory', z.intersection(subgraphEnv('inventory', 4003), planningEnv), env);

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;

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

// An empty variable means "not set", as everywhere else in the project.
const numberVar = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().pipe(schema).default(fallback),
  );

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

const planningEnv = z
  .intersection(forecastEnv, refitEnv)
  .transform((forecast): { forecast: ForecastRefitSettings } => ({ forecast }));

/**
 * - INVENTORY_FORECAST_REFIT_HOURS (default 24): the stored forecasts are refitted when the oldest is this old (and
 *   soon after start when there are none); 0 turns the schedule off (`refitForecasts` still refits on demand).
 * - INVENTORY_FORECAST_HISTORY_DAYS (default 180): days of demand history, up to yesterday, a refit fits on.
 */
export const DEFAULT_FORECAST_REFIT_SETTINGS: Readonly<ForecastRefitSettings> = loadConfig(
  'inventory',
  planningEnv,
  {},
).forecast;

/** The forecast settings of a started subgraph's config; the defaults when it carries none (tools, tests). */
export function forecastSettingsOf(config: object): Readonly<ForecastRefitSettings> {
  return (config as { forecast?: ForecastRefitSettings }).forecast ?? DEFAULT_FORECAST_REFIT_SETTINGS;
}
