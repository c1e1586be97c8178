import { z } from 'zod';
import {
  boolFlag,
  checkPreviousSecret,
  checkProductionSecrets,
  loadConfig,
  optionalString,
  subgraphEnv,
} from '@supply-graph/shared';

// An empty variable means "not set", as everywhere else in the project.
const numberVar = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().pipe(schema).default(fallback),
  );

const weight = (fallback: number) => numberVar(z.number().min(0).max(1), fallback);

/** A decimal amount with at most two decimals, read into integer minor units (never through a float). */
const amountVar = (fallback: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a decimal amount with at most 2 decimals, e.g. 5000.00')
      .default(fallback)
      .transform((text) => {
        const [whole, fraction = ''] = text.split('.');
        return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
      }),
  );

const riskEnv = z
  .object({
    ORDERS_RISK_HOLD_THRESHOLD: numberVar(z.number().gt(0).max(1), 0.8),
    ORDERS_RISK_VELOCITY_MAX_ORDERS: numberVar(z.number().int().min(1).max(10_000), 5),
    ORDERS_RISK_VELOCITY_WINDOW_MINUTES: numberVar(
      z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 30),
      60,
    ),
    ORDERS_RISK_VELOCITY_WEIGHT: weight(0.9),
    ORDERS_RISK_HIGH_VALUE_AMOUNT: amountVar('5000.00'),
    ORDERS_RISK_HIGH_VALUE_WEIGHT: weight(0.85),
    ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS: numberVar(z.number().int().min(1).max(10_000), 3),
    ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT: weight(0.5),
    ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS: numberVar(z.number().int().min(1).max(10_000), 3),
    ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS: numberVar(z.number().int().min(1).max(3_650), 90),
    ORDERS_RISK_SHARED_ADDRESS_WEIGHT: weight(0.6),
  })
  .transform((env) => ({
    risk: deepFreeze({
      holdThreshold: env.ORDERS_RISK_HOLD_THRESHOLD,
      velocity: {
        maxOrders: env.ORDERS_RISK_VELOCITY_MAX_ORDERS,
        windowMinutes: env.ORDERS_RISK_VELOCITY_WINDOW_MINUTES,
        weight: env.ORDERS_RISK_VELOCITY_WEIGHT,
      },
      highValueNewCustomer: {
        amountMinor: env.ORDERS_RISK_HIGH_VALUE_AMOUNT,
        weight: env.ORDERS_RISK_HIGH_VALUE_WEIGHT,
      },
      unusualCountry: {
        minOrders: env.ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS,
        weight: env.ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT,
      },
      sharedAddress: {
        maxCustomers: env.ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS,
        windowDays: env.ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS,
        weight: env.ORDERS_RISK_SHARED_ADDRESS_WEIGHT,
      },
    }),
  }));

/**
 * What webhook secrets are sealed with outside production when no key is
 * given (a subgraph started alone in development). Public: `npm start` keeps a
 * random key of its own beside its data, and production refuses this one.
 */
export const DEV_WEBHOOK_SECRET_KEY = 'supply-graph-development-webhook-secret-key-do-not-use';

const webhookEnv = z
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

const intakeEnv = z
  .object({
    ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: numberVar(z.number().int().min(50).max(30_000), 1000),
  })
  .transform((env) => ({
    intake: deepFreeze({ buyerIdentifyTimeoutMs: env.ORDERS_BUYER_IDENTIFY_TIMEOUT_MS }),
  }));

/** One work item type's defaults: how urgent, how soon, who handles it and what they check. */
export interface WorkItemKindSettings {
  /** 1 (most urgent) .. 5. */
  priority: number;
  /** Minutes from opening (or from an escalation) until the item is overdue. */
  slaMinutes: number;
  /** The operator skill the item needs. */
  skill: string;
  /** The standard checklist for the type. */
  checklist: readonly string[];
}

/**
 * The work item types the desk knows; any other kind raised gets `OTHER`'s
 * defaults. Checklist steps name no person, only what to look at.
 */
export const DEFAULT_WORK_ITEM_KINDS: Readonly<Record<string, WorkItemKindSettings>> = {
  RISK_HOLD: {
    priority: 2,
    slaMinutes: 60,
    skill: 'risk',
    checklist: [
      'Read the risk flags and the order history',
      'Compare the shipping address with earlier orders',
      'Contact the buyer through the channel if unsure',
      'Resolve LEGITIMATE (release) or FRAUD (cancel)',
    ],
  },
  LOGISTICS_EXCEPTION: {
    priority: 2,
    slaMinutes: 240,
    skill: 'logistics',
    checklist: [
      "Read the shipment's tracking events",
      'Ask the carrier for the parcel status',
      'Decide: wait for delivery, reship or return',
      'Record the cause',
    ],
  },
  LOW_STOCK: {
    priority: 3,
    slaMinutes: 1440,
    skill: 'inventory',
    checklist: ['Check open purchase orders and transfers', 'Replenish or transfer stock', 'Review the safety stock'],
  },
  OVERSELL_RISK: {
    priority: 2,
    slaMinutes: 240,
    skill: 'inventory',
    checklist: ['Check the backordered orders', 'Expedite supply or transfer stock', 'Tell the channel if needed'],
  },
  RETURN_REVIEW: {
    priority: 3,
    slaMinutes: 1440,
    skill: 'returns',
    checklist: ['Read the return reason', 'Decide whether to authorise it'],
  },
  OTHER: { priority: 3, slaMinutes: 1440, skill: 'general', checklist: ['Read the alert', 'Handle it'] },
};

/** "RISK_HOLD=30,LOW_STOCK=720": SLA minutes per kind, over the defaults. */
const slaOverrides = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .regex(
      /^\s*[A-Z_]+=\d{1,6}\s*(,\s*[A-Z_]+=\d{1,6}\s*)*$/,
      'must be KIND=minutes pairs, e.g. RISK_HOLD=30,LOW_STOCK=720',
    )
    .optional(),
);

const deskEnv = z
  .object({
    ORDERS_DESK_ESCALATION_INTERVAL_MS: numberVar(z.number().int().min(0).max(3_600_000), 60_000),
    ORDERS_DESK_SLA_MINUTES: slaOverrides,
    ORDERS_DESK_ESCALATION_SKILL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^[a-z][a-z0-9_-]{0,31}$/)
        .default('escalation'),
    ),
    ORDERS_DESK_RISK_PRIOR_FRAUD: numberVar(z.number().min(0.01).max(10_000), 16),
    ORDERS_DESK_RISK_PRIOR_LEGITIMATE: numberVar(z.number().min(0).max(10_000), 4),
    ORDERS_DESK_RISK_MIN_FACTOR: numberVar(z.number().min(0).max(1), 0.1),
    ORDERS_DESK_TRUSTED_FACTOR: numberVar(z.number().min(0).max(1), 0.5),
  })
  .transform((env) => {
    const kinds: Record<string, WorkItemKindSettings> = {};
    for (const [kind, settings] of Object.entries(DEFAULT_WORK_ITEM_KINDS)) kinds[kind] = { ...settings };
    for (const pair of (env.ORDERS_DESK_SLA_MINUTES ?? '').split(',').filter((p) => p.trim())) {
      const [kind, minutes] = pair.split('=').map((p) => p.trim());
      kinds[kind] = { ...(kinds[kind] ?? DEFAULT_WORK_ITEM_KINDS.OTHER), slaMinutes: Math.max(1, Number(minutes)) };
    }
    return {
      desk: deepFreeze({
        escalationIntervalMs: env.ORDERS_DESK_ESCALATION_INTERVAL_MS,
        escalationSkill: env.ORDERS_DESK_ESCALATION_SKILL,
        kinds,
        riskFeedback: {
          priorFraud: env.ORDERS_DESK_RISK_PRIOR_FRAUD,
          priorLegitimate: env.ORDERS_DESK_RISK_PRIOR_LEGITIMATE,
          minFactor: env.ORDERS_DESK_RISK_MIN_FACTOR,
          trustedFactor: env.ORDERS_DESK_TRUSTED_FACTOR,
        },
      }),
    };
  });
/** Every reason a return may give; `ReturnReason` in the schema. */
export const RETURN_REASONS = [
  'DAMAGED',
  'DEFECTIVE',
  'WRONG_ITEM',
  'NOT_AS_DESCRIBED',
  'SIZE_FIT',
  'CHANGED_MIND',
  'OTHER',
] as const;

const reasonList = (fallback: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .default(fallback)
      .transform((text) =>
        text
          .split(',')
          .map((r) => r.trim().toUpperCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(RETURN_REASONS))),
  );

const returnsEnv = z
  .object({
    ORDERS_RETURN_WINDOW_DAYS: numberVar(z.number().int().min(0).max(3_650), 30),
    ORDERS_RETURN_AUTO_APPROVE_REASONS: reasonList(
      'DAMAGED,DEFECTIVE,WRONG_ITEM,NOT_AS_DESCRIBED,SIZE_FIT,CHANGED_MIND',
    ),
  })
  .transform((env) => ({
    returns: deepFreeze({
      windowDays: env.ORDERS_RETURN_WINDOW_DAYS,
      autoApproveReasons: env.ORDERS_RETURN_AUTO_APPROVE_REASONS as readonly string[],
    }),
  }));

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}

/** The risk engine's settings (see `loadOrdersConfig` for the variables and their defaults). */
export type RiskSettings = z.output<typeof riskEnv>['risk'];

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_RISK_SETTINGS: Readonly<RiskSettings> = loadConfig('orders', riskEnv, {}).risk;

/** How partner webhooks are delivered (see `loadOrdersConfig` for the variables and their defaults). */
export type WebhookSettings = z.output<typeof webhookEnv>['webhooks'];

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_WEBHOOK_SETTINGS: Readonly<WebhookSettings> = loadConfig('orders', webhookEnv, {}).webhooks;

/** How intake depends on its peers (see `loadOrdersConfig` for the variables and their defaults). */
export type IntakeSettings = z.output<typeof intakeEnv>['intake'];

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_INTAKE_SETTINGS: Readonly<IntakeSettings> = loadConfig('orders', intakeEnv, {}).intake;

/** The operations desk's settings (see `loadOrdersConfig` for the variables and their defaults). */
export type DeskSettings = z.output<typeof deskEnv>['desk'];

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_DESK_SETTINGS: Readonly<DeskSettings> = loadConfig('orders', deskEnv, {}).desk;
/** How returns are authorised (see `loadOrdersConfig` for the variables and their defaults). */
export type ReturnSettings = z.output<typeof returnsEnv>['returns'];

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_RETURN_SETTINGS: Readonly<ReturnSettings> = loadConfig('orders', returnsEnv, {}).returns;

/**
 * Orders subgraph settings.
 * - ORDERS_PORT (default 4001), ORDERS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - ORDERS_DB_SCHEMA (default "orders"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 *
 * Risk (a rule that fires scores its weight; the order scores 1 - Π(1 - weight), 0..1):
 * - ORDERS_RISK_HOLD_THRESHOLD (default 0.8): an order scoring this or more is placed ON_HOLD
 * - ORDERS_RISK_VELOCITY_MAX_ORDERS (default 5), ORDERS_RISK_VELOCITY_WINDOW_MINUTES (default 60),
 *   ORDERS_RISK_VELOCITY_WEIGHT (default 0.9): VELOCITY fires when more than MAX orders went to one
 *   shipping phone, or to one full shipping address, within the window
 * - ORDERS_RISK_HIGH_VALUE_AMOUNT (default 5000.00, in the order's currency, at most 2 decimals),
 *   ORDERS_RISK_HIGH_VALUE_WEIGHT (default 0.85): HIGH_VALUE_NEW_CUSTOMER fires when the total is
 *   above the amount and the customer has no earlier order
 * - ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS (default 3), ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT (default 0.5):
 *   UNUSUAL_COUNTRY fires when a customer with at least MIN earlier orders ships to a country they never shipped to
 * - ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS (default 3), ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS (default 90),
 *   ORDERS_RISK_SHARED_ADDRESS_WEIGHT (default 0.6): SHARED_ADDRESS fires when, with this order, more than MAX
 *   distinct customers shipped to one full address within the window
 * A weight of 0 switches a rule off. With the defaults VELOCITY or HIGH_VALUE_NEW_CUSTOMER alone holds
 * an order; UNUSUAL_COUNTRY and SHARED_ADDRESS hold it only together (1 - 0.5 x 0.4 = 0.8).
 *
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
 *
 * Intake:
 * - ORDERS_BUYER_IDENTIFY_TIMEOUT_MS (default 1000, 50..30000): how long intake waits for customers to
 *   identify the buyer; past it (or when customers is down or fails) the order is accepted without a
 *   customer and identified through the bus (`buyer.identification-requested` -> `buyer.identified`)
 *
 * Operations desk (work items; per-kind priority, skill and checklist in DEFAULT_WORK_ITEM_KINDS):
 * - ORDERS_DESK_ESCALATION_INTERVAL_MS (default 60000; 0 disables): how often overdue work items are escalated
 * - ORDERS_DESK_SLA_MINUTES (default none): SLA minutes per kind over the defaults (RISK_HOLD 60,
 *   LOGISTICS_EXCEPTION 240, LOW_STOCK 1440, OVERSELL_RISK 240, RETURN_REVIEW 1440, OTHER 1440),
 *   e.g. "RISK_HOLD=30,LOW_STOCK=720"
 * - ORDERS_DESK_ESCALATION_SKILL (default escalation): an escalated item goes to an operator with this skill
 *   (below capacity) when there is one, else stays with its assignee
 * - ORDERS_DESK_RISK_PRIOR_FRAUD (default 16), ORDERS_DESK_RISK_PRIOR_LEGITIMATE (default 4): the prior of a
 *   rule's precision; its weight is scaled by ((fraud + F) / (held + F + L)) / (F / (F + L)), at most 1
 * - ORDERS_DESK_RISK_MIN_FACTOR (default 0.1): the scale never goes below this (0: a rule can be silenced)
 * - ORDERS_DESK_TRUSTED_FACTOR (default 0.5): a trusted customer's later orders score the rules that held
 *   the order found legitimate at this fraction
 * Returns:
 * - ORDERS_RETURN_WINDOW_DAYS (default 30, 0..3650): a return requested within this many days of the order's
 *   delivery (of its placement while it is not delivered) may be authorised at once; a later one waits for review
 * - ORDERS_RETURN_AUTO_APPROVE_REASONS (default DAMAGED,DEFECTIVE,WRONG_ITEM,NOT_AS_DESCRIBED,SIZE_FIT,CHANGED_MIND):
 *   comma-separated reasons authorised at once inside the window; any other (by default OTHER) waits for review
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
 * Everything the orders process reads from its environment: the common subgraph settings, `risk`, `webhooks` and
 * `intake` and `desk`.
 */
export type OrdersConfig = ReturnType<typeof loadOrdersConfig>;

/** The risk settings inside a started subgraph's config; the defaults when it carries none (schema builds, tools). */
export function riskSettingsOf(config: object): Readonly<RiskSettings> {
  return (config as Partial<OrdersConfig>).risk ?? DEFAULT_RISK_SETTINGS;
}

/** The webhook settings inside a started subgraph's config; the defaults when it carries none. */
export function webhookSettingsOf(config: object): Readonly<WebhookSettings> {
  return (config as Partial<OrdersConfig>).webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
}

/** The return settings inside a started subgraph's config; the defaults when it carries none. */
export function returnSettingsOf(config: object): Readonly<ReturnSettings> {
  return (config as Partial<OrdersConfig>).returns ?? DEFAULT_RETURN_SETTINGS;
}

/** The intake settings inside a started subgraph's config; the defaults when it carries none. */
export function intakeSettingsOf(config: object): Readonly<IntakeSettings> {
  return (config as Partial<OrdersConfig>).intake ?? DEFAULT_INTAKE_SETTINGS;
}

/** The desk settings inside a started subgraph's config; the defaults when it carries none. */
export function deskSettingsOf(config: object): Readonly<DeskSettings> {
  return (config as Partial<OrdersConfig>).desk ?? DEFAULT_DESK_SETTINGS;
}
