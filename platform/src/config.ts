import path from 'node:path';
import { z } from 'zod';
import { loadGatewayConfig } from '@supply-graph/gateway';
import { loadCustomersConfig } from '@supply-graph/customers';
import { loadInventoryConfig } from '@supply-graph/inventory';
import { loadLogisticsConfig } from '@supply-graph/logistics';
import { loadOrdersConfig } from '@supply-graph/orders';
import {
  boolFlag,
  loadConfig,
  logFormat,
  logLevel,
  optionalString,
  port,
  postgresUrl,
  telemetryEnvShape,
  telemetrySettingsOf,
} from '@supply-graph/shared';

/** The repository root (platform/dist/.. /..). */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Settings of the all-in-one platform (`npm start`).
 * - DATABASE_URL: use this PostgreSQL instead of the embedded one
 * - DATA_DIR (default `.data` at the repo root): embedded PostgreSQL's cluster, kept across restarts
 * - EMBEDDED_PG_PORT (default 54329)
 * - SEED_ON_EMPTY (default true): load the demo data set when the database is empty
 * - SEED_CUSTOMERS (default 5000), SEED_ORDERS (default 20000): its size
 * - NATS_URL: carry events on NATS JetStream instead of in-process (NATS_STREAM, default SUPPLY;
 *   NATS_SUBJECT_PREFIX to share one server between isolated installs)
 * - PLATFORM_SUBGRAPHS (default all four): the subgraphs this process hosts; the others are
 *   reached at their *_URL (the gateway's and the subgraphs' peer settings)
 * - LOG_FORMAT (default: pretty on a terminal, else json): how log lines look
 * - OTEL_EXPORTER_OTLP_ENDPOINT: export traces to this OTLP/HTTP collector (off when unset); OTEL_SERVICE_NAME
 *   (default supply-graph) names the process
 * - LOG_LEVEL (default info); each service's own settings (ports, schemas) apply too; hosting all four
 *   subgraphs, they listen on 127.0.0.1 unless their *_HOST says otherwise (only the gateway faces clients)
 */
const schema = z
  .object({
    DATABASE_URL: postgresUrl,
    DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
    EMBEDDED_PG_PORT: port(54329),
    SEED_ON_EMPTY: boolFlag(true),
    SEED_CUSTOMERS: z.coerce.number().int().min(1).default(5000),
    SEED_ORDERS: z.coerce.number().int().min(0).default(20000),
    LOG_LEVEL: logLevel,
    LOG_FORMAT: logFormat,
    NATS_URL: optionalString,
    PLATFORM_SUBGRAPHS: z
      .string()
      .default('orders,customers,inventory,logistics')
      .transform((v) =>
        v
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(['orders', 'customers', 'inventory', 'logistics'])).min(1)),
    NATS_STREAM: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('SUPPLY'),
    NATS_SUBJECT_PREFIX: optionalString,
    ...telemetryEnvShape,
  })
  .transform((env) => ({
    hosted: env.PLATFORM_SUBGRAPHS,
    bus: { natsUrl: env.NATS_URL, natsStream: env.NATS_STREAM, natsSubjectPrefix: env.NATS_SUBJECT_PREFIX },
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    embeddedPgPort: env.EMBEDDED_PG_PORT,
    seedOnEmpty: env.SEED_ON_EMPTY,
    seedSize: { customers: env.SEED_CUSTOMERS, orders: env.SEED_ORDERS },
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    // One process, one SDK: its resource is the platform; each span names its service (supply_graph.service).
    telemetry: telemetrySettingsOf(env, 'supply-graph'),
  }));

export type PlatformSettings = z.output<typeof schema>;

/** Everything the platform process needs: its own settings and each service's. */
export function loadPlatformConfig(env: Record<string, string | undefined> = process.env) {
  const platform = loadConfig('platform', schema, env);
  // Hosting every service, only the gateway is for others: the subgraphs listen on 127.0.0.1
  // unless *_HOST says otherwise.
  const hostsAll = platform.hosted.length === 4;
  const sealed = <T extends { host: string }>(name: string, config: T): T =>
    hostsAll && !env[`${name.toUpperCase()}_HOST`] ? Object.freeze({ ...config, host: '127.0.0.1' }) : config;
  return {
    platform,
    gateway: loadGatewayConfig(env),
    subgraphs: {
      orders: sealed('orders', loadOrdersConfig(env)),
      customers: sealed('customers', loadCustomersConfig(env)),
      inventory: sealed('inventory', loadInventoryConfig(env)),
      logistics: sealed('logistics', loadLogisticsConfig(env)),
    },
  };
}

export type PlatformConfig = ReturnType<typeof loadPlatformConfig>;

/**
 * `npm run start:cluster`'s settings (the members read their own from the
 * environment it passes down):
 * - DATABASE_URL: the server PostgreSQL (default a `supply_graph_cluster` database on 127.0.0.1, trust auth)
 * - NATS_URL, NATS_STREAM: the bus (default nats://127.0.0.1:4222, stream SUPPLY)
 * - REDIS_URL: the gateways' shared rate limits (default redis://127.0.0.1:6379)
 * - LOG_LEVEL: the members' (default warn: a console of ten processes)
 * - DATA_DIR: where the cluster keeps its secrets and the gateways their signing key (default `.data`)
 * - INTERNAL_TOKEN_SECRET, ORDERS_WEBHOOK_SECRET_KEY: default kept in DATA_DIR/auth
 */
const clusterSchema = z.object({
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/supply_graph_cluster'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_STREAM: z.string().default('SUPPLY'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.string().default('warn'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  INTERNAL_TOKEN_SECRET: optionalString,
  ORDERS_WEBHOOK_SECRET_KEY: optionalString,
});

export type ClusterSettings = z.output<typeof clusterSchema> & {
  /** The environment every member starts with, before the cluster's settings and each member's ports. */
  inherited: Record<string, string | undefined>;
};

export function loadClusterSettings(env: Record<string, string | undefined> = process.env): ClusterSettings {
  const settings = loadConfig('start:cluster', clusterSchema, env);
  return { ...settings, DATA_DIR: path.resolve(settings.DATA_DIR), inherited: { ...env } };
}
