import { z } from 'zod';
import type { LogFormat } from '../logging/log-output';
import { metricsEnvShape, metricsSettingsOf } from './metrics-settings';
import { isReplicaList } from '../federation/replicas';
import { checkPreviousSecret, checkProductionSecrets, internalSecretOf } from './secrets';
import { telemetryEnvShape, telemetrySettingsOf } from './telemetry-settings';

/**
 * Parses the environment against a zod schema once, at start-up, and returns a
 * frozen, typed object. Every service's `config.ts` goes through here, and
 * nothing else in the project reads `process.env`.
 *
 * An invalid value fails fast with one message naming every bad variable, so a
 * misconfigured deployment dies at boot rather than on its first request.
 */
export function loadConfig<S extends z.ZodTypeAny>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.output<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration for ${service}:\n${problems}`);
  }
  return Object.freeze(parsed.data);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** An optional variable where an empty string means "not set". */
export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * A TCP port given as a string in the environment; "0" asks for a free port.
 * An empty string means "not set" (as for every variable here), not port 0.
 */
export const port = (fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(0).max(65535).default(fallback),
  );

/** A PostgreSQL connection URL. */
/** A service's URL, or its replicas' URLs separated by commas (federation/replicas.ts). */
export const serviceUrls = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(isReplicaList, 'must be an http(s) URL, or several separated by commas with the same path');

export const postgresUrl = optionalString.refine(
  (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
  'must be a postgres:// or postgresql:// URL',
);

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/**
 * LOG_FORMAT: `json` (one object per line, for log collectors) or `pretty`
 * (one readable line per event). Unset: `pretty` when standard output is a
 * terminal, `json` otherwise (a pipe, a file, a container's log).
 */
export const logFormat = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['json', 'pretty']).optional(),
  )
  .transform((v): LogFormat => v ?? (process.stdout.isTTY ? 'pretty' : 'json'));

/** "true"/"1"/"yes" and "false"/"0"/"no", case-insensitive. */
export const boolFlag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const s = v.toLowerCase();
      if (['true', '1', 'yes'].includes(s)) return true;
      if (['false', '0', 'no'].includes(s)) return false;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected true or false, got "${v}"` });
      return z.NEVER;
    });

/** Settings every subgraph process shares, read the same way everywhere. */
export const subgraphEnv = (name: string, defaultPort: number) => {
  const prefix = name.toUpperCase();
  return z
    .object({
      [`${prefix}_PORT`]: port(defaultPort),
      [`${prefix}_HOST`]: z.string().default('0.0.0.0'),
      DATABASE_URL: postgresUrl,
      [`${prefix}_DB_SCHEMA`]: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .default(name),
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
      LOG_LEVEL: logLevel,
      LOG_FORMAT: logFormat,
      NATS_URL: optionalString,
      NATS_STREAM: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/)
        .default('SUPPLY'),
      NATS_SUBJECT_PREFIX: optionalString,
      // How long published events stay in the outbox: subscribers can resume that far back.
      OUTBOX_RETENTION_HOURS: z.coerce
        .number()
        .positive()
        .max(24 * 365)
        .default(7 * 24),
      // Events the relay publishes per read of the outbox; the rest follow in further reads at once.
      OUTBOX_RELAY_BATCH: z.coerce.number().int().min(1).max(10_000).default(200),
      // Failing events: how often a consumer tries one before parking it, and the backoff between tries.
      EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
      EVENT_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
      EVENT_RETRY_MAX_MS: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 3_600_000)
        .default(5 * 60_000),
      EVENT_RETRY_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
      ORDERS_URL: serviceUrls('http://localhost:4001/graphql'),
      CUSTOMERS_URL: serviceUrls('http://localhost:4002/graphql'),
      INVENTORY_URL: serviceUrls('http://localhost:4003/graphql'),
      LOGISTICS_URL: serviceUrls('http://localhost:4004/graphql'),
      // The orders subgraph has the gateway resolve partner webhook payloads.
      GATEWAY_URL: serviceUrls('http://localhost:4000/graphql'),
      // The longest a request may run here; the gateway sends a shorter budget (x-request-timeout-ms) per fetch.
      REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
      // PostgreSQL cancels any one statement past this (0: never), so no query outlives the request that asked for it.
      DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
      // The secret the gateway signs the callers' claims with for the subgraphs (and they for each other).
      INTERNAL_TOKEN_SECRET: optionalString,
      // The secret being rotated out: tokens signed with it are still accepted until it is removed.
      INTERNAL_TOKEN_SECRET_PREVIOUS: optionalString,
      NODE_ENV: optionalString,
      ...metricsEnvShape,
      ...telemetryEnvShape,
    })
    .transform((env, ctx) => {
      checkProductionSecrets(env, ctx, ['INTERNAL_TOKEN_SECRET']);
      checkPreviousSecret(env, ctx, 'INTERNAL_TOKEN_SECRET');
      return {
        name,
        natsUrl: env.NATS_URL as string | undefined,
        natsStream: env.NATS_STREAM as string,
        natsSubjectPrefix: env.NATS_SUBJECT_PREFIX as string | undefined,
        outboxRetentionHours: env.OUTBOX_RETENTION_HOURS as number,
        outboxRelayBatch: env.OUTBOX_RELAY_BATCH as number,
        /**
         * See {@link RetryPolicy}: EVENT_MAX_ATTEMPTS, EVENT_RETRY_BASE_MS, EVENT_RETRY_MAX_MS,
         * EVENT_RETRY_POLL_MS.
         */
        eventRetry: {
          maxAttempts: env.EVENT_MAX_ATTEMPTS as number,
          baseDelayMs: env.EVENT_RETRY_BASE_MS as number,
          maxDelayMs: env.EVENT_RETRY_MAX_MS as number,
          pollMs: env.EVENT_RETRY_POLL_MS as number,
        },
        peerUrls: {
          orders: env.ORDERS_URL as string,
          customers: env.CUSTOMERS_URL as string,
          inventory: env.INVENTORY_URL as string,
          logistics: env.LOGISTICS_URL as string,
          gateway: env.GATEWAY_URL as string,
        },
        port: (env as Record<string, unknown>)[`${prefix}_PORT`] as number,
        host: (env as Record<string, unknown>)[`${prefix}_HOST`] as string,
        databaseUrl: env.DATABASE_URL as string | undefined,
        dbSchema: (env as Record<string, unknown>)[`${prefix}_DB_SCHEMA`] as string,
        dbPoolSize: env.DB_POOL_SIZE as number,
        requestTimeoutMs: env.REQUEST_TIMEOUT_MS as number,
        dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS as number,
        logLevel: env.LOG_LEVEL as z.infer<typeof logLevel>,
        logFormat: env.LOG_FORMAT as LogFormat,
        internalSecret: internalSecretOf(env.INTERNAL_TOKEN_SECRET as string | undefined),
        internalSecretPrevious: (env.INTERNAL_TOKEN_SECRET_PREVIOUS as string | undefined) ?? null,
        production: env.NODE_ENV === 'production',
        metrics: metricsSettingsOf(env),
        /** OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (default: this subgraph's name); see telemetry-settings.ts. */
        telemetry: telemetrySettingsOf(env, name),
      };
    });
};

export type SubgraphConfig = z.output<ReturnType<typeof subgraphEnv>>;
