import path from 'node:path';
import { z } from 'zod';
import { rateLimitConfig, rateLimitSettings } from './rate-limit/rate-limit.config';
import { trustedDocumentsConfig } from './trusted-documents/trusted-documents.config';
import { checkPreviousSigningKey, signingKeyConfig } from './auth/signing-key.config';
import { limitsConfig, toOperationLimits } from './limits';
import {
  boolFlag,
  checkPreviousSecret,
  checkProductionSecrets,
  internalSecretOf,
  isReplicaList,
  loadConfig,
  logFormat,
  metricsEnvShape,
  metricsSettingsOf,
  logLevel,
  optionalString,
  port,
  secretEnv,
  telemetryEnvShape,
  telemetrySettingsOf,
} from '@supply-graph/shared';

/** The committed, composed supergraph at the repository root. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '../../supergraph.graphql');
/** Where `npm start` keeps its data (embedded PostgreSQL, the signing key): `.data` at the repository root. */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, '../../.data');

/** A subgraph's URL, or its replicas' URLs separated by commas (the gateway balances over them). */
const url = optionalString.refine(
  (v) => v === undefined || isReplicaList(v),
  'must be an http(s) URL, or several separated by commas with the same path',
);

/**
 * Gateway settings.
 * - GATEWAY_PORT (default 4000), GATEWAY_HOST (default 0.0.0.0)
 * - SUPERGRAPH_PATH: composed supergraph SDL (default: `supergraph.graphql` at the repo root)
 * - ORDERS_URL, CUSTOMERS_URL, INVENTORY_URL, LOGISTICS_URL: override the subgraph URLs
 *   written in the supergraph (e.g. service names in docker-compose)
 * - SUBGRAPH_TIMEOUT_MS (default 10000): a subgraph slower than this counts as unavailable
 * - SUBGRAPH_DEDUP (default true): identical query fetches to one subgraph in flight at once, for callers with
 *   the same access, share one call (datasources/in-flight-fetches.ts); false: every fetch is sent
 * - OPERATION_DEDUP (default true): identical queries in flight at once, from callers with the same access, are
 *   executed once (plugins/shared-operations.plugin.ts); false: each is executed
 * - SUBGRAPH_BATCH (default true): entity fetches of one request to one subgraph that the query plan runs side by
 *   side go as one call (datasources/entity-fetch-batch.ts); false: one call per fetch
 * - GATEWAY_EXECUTOR (default own): `own` runs queries and mutations with the gateway's own query-plan executor
 *   (execution/: each operation planned and its answer's shape compiled once; introspection, @defer and
 *   subscriptions still go to @apollo/gateway's); `apollo`: @apollo/gateway's executor for everything
 * - ENTITY_CACHE (default true): subgraphs' entity answers are kept in memory and dropped when the subgraph's
 *   change event arrives on the bus (execution/entity-cache.ts); needs the own executor and the platform's bus
 *   (inside `npm start`, or NATS_URL), else it stays off and the log says why. ENTITY_CACHE_MAX_MB (default 64):
 *   its memory bound; ENTITY_CACHE_MAX_AGE_S (default 300): the longest an entry is kept, a safety net for a
 *   change event lost in a bus outage
 * - SUBSCRIPTION_BUFFER (default 1000): resolved events one subscriber may have waiting; past it the
 *   subscriber is cut off (SUBSCRIBER_TOO_SLOW) and resumes with `after`
 * - MAX_BODY_BYTES (default 1 MiB): a larger request body is refused with HTTP 413 (WebSocket messages likewise)
 * - NATS_URL, NATS_STREAM, NATS_SUBJECT_PREFIX: the event bus a gateway running alone tails for
 *   subscriptions (inside `npm start` it shares the platform's bus)
 * - GRAPHIQL (default true): a browser's GET /graphql gets GraphiQL, served from the gateway itself
 *   (no CDN, works offline); false: no page, a browser gets the API's answer
 * - LIMIT_MAX_DEPTH (default 20), LIMIT_MAX_ALIASES (default 30), LIMIT_MAX_ROOT_FIELDS (default 20),
 *   LIMIT_MAX_TOKENS (default 5000), LIMIT_MAX_COST (default 100000): operation limits; past one a request
 *   fails with QUERY_TOO_COMPLEX naming it, before any subgraph is called (each explained in limits/limits.config.ts)
 * - LOG_LEVEL (default info), LOG_FORMAT (default: pretty on a terminal, else json)
 * - OTEL_EXPORTER_OTLP_ENDPOINT: export traces to this OTLP/HTTP collector (off when unset); OTEL_SERVICE_NAME
 *   (default gateway)
 *
 * Identity (contract/access.graphql):
 * - AUTH_ISSUER (default supply-graph), AUTH_AUDIENCE (default supply-graph): `iss` and `aud` of the
 *   platform's own tokens (`npm run token`, POST /oauth/token); AUTH_OWN_ISSUER=false accepts only an external IdP
 * - AUTH_SIGNING_KEY: the platform's private signing key as a JWK (ES256; share it between replicas);
 *   else AUTH_KEY_FILE (default DATA_DIR/auth/signing-key.json), made on first start
 * - AUTH_SIGNING_KEY_PREVIOUS: the key being rotated out, still trusted, no longer signing (auth/signing-key.config.ts)
 * - AUTH_JWKS_URL, AUTH_EXTERNAL_ISSUER, AUTH_EXTERNAL_AUDIENCE: an external identity provider's tokens are
 *   accepted too (all three together); AUTH_ALGORITHMS (default RS256,ES256,EdDSA): what it may sign with
 * - AUTH_CLOCK_SKEW_S (default 30): tolerance on exp/nbf/iat
 * - AUTH_TOKEN_TTL_S (default 3600): lifetime of client-credentials tokens
 * - INTERNAL_TOKEN_SECRET: signs the verified claims the gateway passes to the subgraphs (same value on every
 *   service, at least 32 characters); NODE_ENV=production refuses to start without it or without a signing key.
 *   INTERNAL_TOKEN_SECRET_PREVIOUS: the secret being rotated out, still accepted, no longer signing
 * - DATA_DIR (default `.data` at the repository root)
 * - TRUSTED_DOCUMENTS_PATH: the persisted-documents manifest (`npm run codegen`) API clients with
 *   trustedDocumentsOnly are held to (default: e2e/generated/persisted-documents.json at the repo root)
 *
 * Rate limits (a token bucket per caller, keyed by `sub`; past it HTTP 429 RATE_LIMITED with Retry-After):
 * - RATE_LIMIT_PER_MINUTE (default 600): for callers whose API client sets no `rateLimitPerMinute`
 * - RATE_LIMIT_BURST_SECONDS (default 10): a bucket holds this many seconds of the caller's rate (at 600/min:
 *   100 at once after a pause, then 10 a second)
 * - REDIS_URL (redis:// or rediss://): gateway replicas share one budget per caller there; unset: in memory.
 *   Redis unreachable: fails open to each gateway's own memory buckets, with one warning per outage
 * - REDIS_KEY_PREFIX (default `supply-graph:`): prefix of the gateway's Redis keys
 */
const schema = z
  .object({
    GATEWAY_PORT: port(4000),
    GATEWAY_HOST: z.string().default('0.0.0.0'),
    SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
    ORDERS_URL: url,
    CUSTOMERS_URL: url,
    INVENTORY_URL: url,
    LOGISTICS_URL: url,
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    SUBSCRIPTION_BUFFER: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    AUTH_ISSUER: z.string().min(1).default('supply-graph'),
    AUTH_AUDIENCE: z.string().min(1).default('supply-graph'),
    AUTH_OWN_ISSUER: boolFlag(true),
    AUTH_SIGNING_KEY: optionalString,
    AUTH_KEY_FILE: optionalString,
    ...signingKeyConfig,
    AUTH_JWKS_URL: url,
    AUTH_EXTERNAL_ISSUER: optionalString,
    AUTH_EXTERNAL_AUDIENCE: optionalString,
    AUTH_ALGORITHMS: z
      .string()
      .default('RS256,ES256,EdDSA')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']))
          .min(1),
      ),
    AUTH_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(300).default(30),
    AUTH_TOKEN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(3600),
    DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
    ...trustedDocumentsConfig,
    ...rateLimitConfig,
    ...secretEnv(),
    NATS_URL: optionalString,
    NATS_STREAM: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('SUPPLY'),
    NATS_SUBJECT_PREFIX: optionalString,
    GRAPHIQL: boolFlag(true),
    SUBGRAPH_DEDUP: boolFlag(true),
    SUBGRAPH_BATCH: boolFlag(true),
    OPERATION_DEDUP: boolFlag(true),
    GATEWAY_EXECUTOR: z.enum(['own', 'apollo']).default('own'),
    ENTITY_CACHE: boolFlag(true),
    ENTITY_CACHE_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(64),
    ENTITY_CACHE_MAX_AGE_S: z.coerce.number().int().min(1).max(86_400).default(300),
    LOG_LEVEL: logLevel,
    LOG_FORMAT: logFormat,
    ...telemetryEnvShape,
    ...limitsConfig,
    ...metricsEnvShape,
  })
  .superRefine((env, ctx) => {
    const external = [env.AUTH_JWKS_URL, env.AUTH_EXTERNAL_ISSUER, env.AUTH_EXTERNAL_AUDIENCE].filter(Boolean).length;
    if (external !== 0 && external !== 3) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AUTH_JWKS_URL'],
        message: 'AUTH_JWKS_URL, AUTH_EXTERNAL_ISSUER and AUTH_EXTERNAL_AUDIENCE go together',
      });
    }
    if (!env.AUTH_OWN_ISSUER && external === 0)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AUTH_OWN_ISSUER'],
        message: 'false needs an external issuer',
      });
    checkProductionSecrets(env, ctx, ['INTERNAL_TOKEN_SECRET']);
    checkPreviousSecret(env, ctx, 'INTERNAL_TOKEN_SECRET');
    checkPreviousSigningKey(env, ctx);
    if (env.NODE_ENV === 'production' && env.AUTH_OWN_ISSUER && !env.AUTH_SIGNING_KEY && !env.AUTH_KEY_FILE) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AUTH_SIGNING_KEY'],
        message: 'is required with NODE_ENV=production (or AUTH_KEY_FILE, or AUTH_OWN_ISSUER=false)',
      });
    }
  })
  .transform((env) => ({
    port: env.GATEWAY_PORT,
    host: env.GATEWAY_HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(
      (
        [
          ['orders', env.ORDERS_URL],
          ['customers', env.CUSTOMERS_URL],
          ['inventory', env.INVENTORY_URL],
          ['logistics', env.LOGISTICS_URL],
        ] as const
      ).filter(([, value]) => value !== undefined),
    ) as Record<string, string>,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    subgraphDedup: env.SUBGRAPH_DEDUP,
    subgraphBatch: env.SUBGRAPH_BATCH,
    operationDedup: env.OPERATION_DEDUP,
    executor: env.GATEWAY_EXECUTOR,
    entityCache: env.ENTITY_CACHE
      ? { maxBytes: env.ENTITY_CACHE_MAX_MB * 1024 * 1024, maxAgeMs: env.ENTITY_CACHE_MAX_AGE_S * 1000 }
      : null,
    subscriptionBuffer: env.SUBSCRIPTION_BUFFER,
    bodyLimitBytes: env.MAX_BODY_BYTES,
    auth: {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      ownIssuer: env.AUTH_OWN_ISSUER,
      signingKey: {
        jwk: env.AUTH_SIGNING_KEY,
        file: env.AUTH_KEY_FILE ?? path.join(env.DATA_DIR, 'auth', 'signing-key.json'),
        previousJwk: env.AUTH_SIGNING_KEY_PREVIOUS,
      },
      external: env.AUTH_JWKS_URL
        ? {
            jwksUrl: env.AUTH_JWKS_URL,
            issuer: env.AUTH_EXTERNAL_ISSUER!,
            audience: env.AUTH_EXTERNAL_AUDIENCE!,
            algorithms: env.AUTH_ALGORITHMS,
          }
        : null,
      clockSkewSeconds: env.AUTH_CLOCK_SKEW_S,
      tokenTtlSeconds: env.AUTH_TOKEN_TTL_S,
    },
    internalSecret: internalSecretOf(env.INTERNAL_TOKEN_SECRET),
    internalSecretPrevious: env.INTERNAL_TOKEN_SECRET_PREVIOUS ?? null,
    trustedDocumentsPath: env.TRUSTED_DOCUMENTS_PATH,
    rateLimit: rateLimitSettings(env),
    production: env.NODE_ENV === 'production',
    bus: { natsUrl: env.NATS_URL, natsStream: env.NATS_STREAM, natsSubjectPrefix: env.NATS_SUBJECT_PREFIX },
    graphiql: env.GRAPHIQL,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    limits: toOperationLimits(env),
    metrics: metricsSettingsOf(env),
    telemetry: telemetrySettingsOf(env, 'gateway'),
  }));

export type GatewayConfig = z.output<typeof schema>;

export const loadGatewayConfig = (env?: Record<string, string | undefined>): GatewayConfig =>
  loadConfig('gateway', schema, env);
