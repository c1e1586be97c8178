import { loadConfig, subgraphEnv } from '@supply-graph/shared';

/**
 * Inventory subgraph settings.
 * - INVENTORY_PORT (default 4003), INVENTORY_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - INVENTORY_DB_SCHEMA (default "inventory"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 */
export const loadInventoryConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('inventory', subgraphEnv('inventory', 4003), env);
