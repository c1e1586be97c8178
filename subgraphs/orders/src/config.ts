import { loadConfig, subgraphEnv } from '@supply-graph/shared';

/**
 * Orders subgraph settings.
 * - ORDERS_PORT (default 4001), ORDERS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - ORDERS_DB_SCHEMA (default "orders"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 */
export const loadOrdersConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('orders', subgraphEnv('orders', 4001), env);
