import { z } from 'zod';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';

// An empty variable means "not set", as everywhere else in the project.
const numberVar = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().pipe(schema).default(fallback),
  );

const logisticsEnv = z
  .object({
    LOGISTICS_NO_SCAN_HOURS: numberVar(
      z
        .number()
        .positive()
        .max(24 * 90),
      48,
    ),
    LOGISTICS_EXCEPTION_SCAN_INTERVAL_S: numberVar(z.number().int().min(0).max(86_400), 60),
    LOGISTICS_EXCEPTION_SCAN_BATCH: numberVar(z.number().int().min(1).max(10_000), 200),
    LOGISTICS_UNIT_WEIGHT_KG: numberVar(z.number().positive().max(1_000), 0.5),
    LOGISTICS_CARRIER_PRIOR_WEIGHT: numberVar(z.number().min(0).max(100_000), 20),
  })
  .transform((env) => ({
    exceptions: {
      noScanHours: env.LOGISTICS_NO_SCAN_HOURS,
      scanIntervalMs: env.LOGISTICS_EXCEPTION_SCAN_INTERVAL_S * 1000,
      batchSize: env.LOGISTICS_EXCEPTION_SCAN_BATCH,
    },
    carbon: { unitWeightKg: env.LOGISTICS_UNIT_WEIGHT_KG },
    carriers: { priorWeight: env.LOGISTICS_CARRIER_PRIOR_WEIGHT },
  }));

/** What the logistics rules need besides the process settings: exceptions, carbon estimates, carrier records. */
export type LogisticsSettings = z.output<typeof logisticsEnv>;

/** The documented defaults, for code that runs without an environment (schema builds, tests). */
export const DEFAULT_LOGISTICS_SETTINGS: Readonly<LogisticsSettings> = loadConfig('logistics', logisticsEnv, {});

/**
 * Logistics subgraph settings.
 * - LOGISTICS_PORT (default 4004), LOGISTICS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - LOGISTICS_DB_SCHEMA (default "logistics"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 * - LOGISTICS_NO_SCAN_HOURS (default 48): an open shipment (not delivered or returned) without a
 *   carrier scan for this many hours becomes an EXCEPTION
 * - LOGISTICS_EXCEPTION_SCAN_INTERVAL_S (default 60): how often the exception scan runs; 0 disables it
 * - LOGISTICS_EXCEPTION_SCAN_BATCH (default 200): shipments flagged per transaction
 * - LOGISTICS_UNIT_WEIGHT_KG (default 0.5): assumed weight of one unit for the carbon estimate of a shipment
 *   without packages (planned before packing, or from a warehouse without a box catalogue)
 * - LOGISTICS_CARRIER_PRIOR_WEIGHT (default 20): how many shipments the rate card's on-time rate counts as when it
 *   is blended with a carrier's observed record, (onTime + prior x w) / (observed + w); 0 trusts the record alone
 */
export const loadLogisticsConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('logistics', z.intersection(subgraphEnv('logistics', 4004), logisticsEnv), env);

export type LogisticsConfig = ReturnType<typeof loadLogisticsConfig>;

/** The rule settings inside a started subgraph's config; the defaults when it carries none (schema builds, tools). */
export function settingsOf(config: object): Readonly<LogisticsSettings> {
  const c = config as Partial<LogisticsSettings>;
  return c.exceptions && c.carbon && c.carriers
    ? { exceptions: c.exceptions, carbon: c.carbon, carriers: c.carriers }
    : DEFAULT_LOGISTICS_SETTINGS;
}
