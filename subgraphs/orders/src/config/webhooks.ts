import { z } from 'zod';
import { boolFlag, checkPreviousSecret, checkProductionSecrets, optionalString } from '@supply-graph/shared';
import { configSection, deepFreeze, numberVar } from './env-vars';

/**
 * What webhook secrets are sealed with outside production when no key is
 * given (a subgraph started alone in development). Public: `npm start` keeps a
 * random key of its own beside its data, and production refuses this one.
 */
export const DEV_WEBHOOK_SECRET_KEY = 'supply-graph-development-webhook-secret-key-do-not-use';

/**
 * Partner webhooks (payloads are resolved by the gateway at GATEWAY_URL, default http://localhost:4000/graphql):
 *   (the payload endpoint, like every service, takes only an internal token signed with INTERNAL_TOKEN_SECRET)
 * - ORDERS_WEBHOOK_SECRET_KEY: webhook secrets are stored sealed with it (AES-256-GCM); 32+ characters, required
 *   with NODE_ENV=production; `npm start` keeps one in DATA_DIR/auth
 * - ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: the key being rotated out: secrets sealed under it still open, and the
 *   re-seal job (webhook-reseal.job.ts) seals them again under the current key; none is sealed with it
 * - ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS (default 1000): how often due deliveries are looked for; 0
 *   disables sending in this process (deliveries are still recorded)
 * - ORDERS_WEBHOOK_CONCURRENCY (default 8): deliveries one process sends at once
 * - ORDERS_WEBHOOK_TIMEOUT_MS (default 10000): a partner slower than this to answer has failed the attempt
 * - ORDERS_WEBHOOK_RETRY_BASE_MS (default 30000), ORDERS_WEBHOOK_RETRY_MAX_MS (default 3600000): a
 *   failed attempt is retried after base x 2^(failures - 1), at most max, shortened at random by up to 20 %
 *   so retries of many deliveries spread out
 * - ORDERS_WEBHOOK_GIVE_UP_AFTER_MS (default 86400000, 24 h): once the next retry would fall later than
 *   this after the first attempt, the delivery is DEAD instead (it can still be re-sent by hand)
 * - ORDERS_WEBHOOK_RETENTION_HOURS (default 168, 7 days): delivered and dead deliveries, with their
 *   attempts, are deleted this long after they finished (pending ones never are)
 * - ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS (default false): allow webhook URLs on loopback, private and
 *   link-local addresses (refused by default: our servers would fetch them on a partner's behalf)
 */
export const webhookEnv = z
  .object({
    ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS: numberVar(z.number().int().min(0).max(3_600_000), 1000),
    ORDERS_WEBHOOK_CONCURRENCY: numberVar(z.number().int().min(1).max(256), 8),
    ORDERS_WEBHOOK_TIMEOUT_MS: numberVar(z.number().int().min(10).max(120_000), 10_000),
    ORDERS_WEBHOOK_RETRY_BASE_MS: numberVar(z.number().int().min(1).max(86_400_000), 30_000),
    ORDERS_WEBHOOK_RETRY_MAX_MS: numberVar(
      z
        .number()
        .int()
        .min(1)
        .max(7 * 86_400_000),
      3_600_000,
    ),
    ORDERS_WEBHOOK_GIVE_UP_AFTER_MS: numberVar(
      z
        .number()
        .int()
        .min(1)
        .max(30 * 86_400_000),
      86_400_000,
    ),
    ORDERS_WEBHOOK_RETENTION_HOURS: numberVar(
      z
        .number()
        .positive()
        .max(24 * 365),
      7 * 24,
    ),
    ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: boolFlag(false),
    ORDERS_WEBHOOK_SECRET_KEY: optionalString,
    ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: optionalString,
    NODE_ENV: optionalString,
  })
  .refine((env) => env.ORDERS_WEBHOOK_RETRY_MAX_MS >= env.ORDERS_WEBHOOK_RETRY_BASE_MS, {
    message: 'ORDERS_WEBHOOK_RETRY_MAX_MS must not be below ORDERS_WEBHOOK_RETRY_BASE_MS',
    path: ['ORDERS_WEBHOOK_RETRY_MAX_MS'],
  })
  .superRefine((env, ctx) => {
    const defaults = { ORDERS_WEBHOOK_SECRET_KEY: DEV_WEBHOOK_SECRET_KEY };
    checkProductionSecrets(env, ctx, ['ORDERS_WEBHOOK_SECRET_KEY'], defaults);
    checkPreviousSecret(env, ctx, 'ORDERS_WEBHOOK_SECRET_KEY', defaults);
  })
  .transform((env) => ({
    webhooks: deepFreeze({
      dispatchIntervalMs: env.ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS,
      concurrency: env.ORDERS_WEBHOOK_CONCURRENCY,
      timeoutMs: env.ORDERS_WEBHOOK_TIMEOUT_MS,
      retry: {
        baseMs: env.ORDERS_WEBHOOK_RETRY_BASE_MS,
        maxMs: env.ORDERS_WEBHOOK_RETRY_MAX_MS,
        giveUpAfterMs: env.ORDERS_WEBHOOK_GIVE_UP_AFTER_MS,
      },
      retentionHours: env.ORDERS_WEBHOOK_RETENTION_HOURS,
      allowPrivateTargets: env.ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS,
      secretKey: env.ORDERS_WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY,
      previousSecretKey: env.ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS ?? null,
    }),
  }));

/** How partner webhooks are delivered (see `webhookEnv` for the variables and their defaults). */
export type WebhookSettings = z.output<typeof webhookEnv>['webhooks'];
const webhookSection = configSection(webhookEnv, 'webhooks');

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_WEBHOOK_SETTINGS: Readonly<WebhookSettings> = webhookSection.defaults;

/** The webhook settings inside a started subgraph's config; the defaults when it carries none. */
export const webhookSettingsOf: (config: object) => Readonly<WebhookSettings> = webhookSection.settingsOf;
