import { z } from 'zod';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';
import { deskEnv } from './config/desk';
import { intakeEnv, riskEnv } from './config/intake';
import { returnsEnv } from './config/returns';
import { webhookEnv } from './config/webhooks';

// The sections live in config/, one file each with its variables, settings type, defaults and accessor. They only
// describe how to parse an environment; this file is the one that reads it (`loadOrdersConfig`).
export {
  DEFAULT_DESK_SETTINGS,
  DEFAULT_WORK_ITEM_KINDS,
  type DeskSettings,
  deskSettingsOf,
  type WorkItemKindSettings,
} from './config/desk';
export {
  DEFAULT_INTAKE_SETTINGS,
  DEFAULT_RISK_SETTINGS,
  type IntakeSettings,
  intakeSettingsOf,
  type RiskSettings,
  riskSettingsOf,
} from './config/intake';
export { DEFAULT_RETURN_SETTINGS, RETURN_REASONS, type ReturnSettings, returnSettingsOf } from './config/returns';
export {
  DEFAULT_WEBHOOK_SETTINGS,
  DEV_WEBHOOK_SECRET_KEY,
  type WebhookSettings,
  webhookSettingsOf,
} from './config/webhooks';

/**
 * Orders subgraph settings.
 * - ORDERS_PORT (default 4001), ORDERS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - ORDERS_DB_SCHEMA (default "orders"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 *
 * The sections, each documented with its variables and defaults:
 * - risk: `riskEnv` and intake: `intakeEnv` (config/intake.ts)
 * - partner webhooks: `webhookEnv` (config/webhooks.ts)
 * - operations desk: `deskEnv` (config/desk.ts)
 * - returns: `returnsEnv` (config/returns.ts)
 */
export const loadOrdersConfig = (env?: Record<string, string | undefined>) =>
  loadConfig(
    'orders',
    z.intersection(
      subgraphEnv('orders', 4001),
      z.intersection(
        riskEnv,
        z.intersection(webhookEnv, z.intersection(intakeEnv, z.intersection(deskEnv, returnsEnv))),
      ),
    ),
    env,
  );

/**
 * Everything the orders process reads from its environment: the common subgraph settings, `risk`, `webhooks`,
 * `intake`, `desk` and `returns`.
 */
export type OrdersConfig = ReturnType<typeof loadOrdersConfig>;
