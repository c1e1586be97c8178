import { loadConfig, subgraphEnv } from '@supply-graph/shared';

/**
 * Customers subgraph settings.
 * - CUSTOMERS_PORT (default 4002), CUSTOMERS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - CUSTOMERS_DB_SCHEMA (default "customers"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 */
export const loadCustomersConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('customers', subgraphEnv('customers', 4002), env);
