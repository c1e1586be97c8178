import { availableParallelism } from 'node:os';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';
import { z } from 'zod';

/**
 * Inventory subgraph settings.
 * - INVENTORY_PORT (default 4003), INVENTORY_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - INVENTORY_DB_SCHEMA (default "inventory"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 */
export const loadInventoryConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('inventory', subgraphEnv('inventory', 4003), env);

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
