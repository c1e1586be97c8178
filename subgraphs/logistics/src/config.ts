import { loadConfig, subgraphEnv } from '@supply-graph/shared';

/**
 * Logistics subgraph settings.
 * - LOGISTICS_PORT (default 4004), LOGISTICS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - LOGISTICS_DB_SCHEMA (default "logistics"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 */
export const loadLogisticsConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('logistics', subgraphEnv('logistics', 4004), env);
