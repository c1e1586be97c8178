import { randomBytes } from 'node:crypto';
import { loadPlatformConfig, startPlatform, type RunningPlatform } from '@supply-graph/platform';
import { registerDefaultToken, staffToken } from './auth';
import { platformDatabase } from './templates';
import {
  deleteNatsStream,
  isolatedNatsSettings,
  type BusKind,
  type TestBackend,
  type TestDatabase,
} from '@supply-graph/shared/testing';

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  /** The NATS stream and subject prefix of this platform (bus: 'nats'), for processes that join it. */
  nats: Record<string, string> | null;
  /** INTERNAL_TOKEN_SECRET of this platform, for processes that join it. */
  internalSecret: string;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  customers?: number;
  orders?: number;
  seed?: boolean;
  /** Carry events on NATS JetStream (an isolated stream on the test server) instead of in-process. */
  bus?: BusKind;
  /** Further settings, e.g. `{ SUBSCRIPTION_BUFFER: '5' }`. */
  env?: Record<string, string>;
}

/**
 * The whole platform, in this process, on a fresh database of the backend,
 * every service on a free port, seeded with a small demo data set (the
 * database is a copy of the run's migrated and seeded one of that size, see
 * `platformDatabase`).
 */
export async function startTestPlatform(
  backend: TestBackend,
  options: TestPlatformOptions = {},
): Promise<TestPlatform> {
  const customers = options.customers ?? 300;
  const orders = options.orders ?? 1500;
  const database = await platformDatabase(backend, backend.name, options.seed === false ? null : { customers, orders });
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    GATEWAY_PORT: '0',
    ORDERS_PORT: '0',
    CUSTOMERS_PORT: '0',
    INVENTORY_PORT: '0',
    LOGISTICS_PORT: '0',
    ORDERS_HOST: '127.0.0.1',
    CUSTOMERS_HOST: '127.0.0.1',
    INVENTORY_HOST: '127.0.0.1',
    LOGISTICS_HOST: '127.0.0.1',
    GATEWAY_HOST: '127.0.0.1',
    SEED_ON_EMPTY: String(options.seed ?? true),
    SEED_CUSTOMERS: String(customers),
    SEED_ORDERS: String(orders),
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '5',
    // Seeded shipments are old: a background scan would turn them into exceptions mid-suite.
    LOGISTICS_EXCEPTION_SCAN_INTERVAL_S: '0',
    // A scheduled forecast refit would take a core a minute into every suite; e2e/inventory/forecast refits on demand.
    INVENTORY_FORECAST_REFIT_HOURS: '0',
    // Likewise a safety-stock recompute would turn fitted levels dynamic mid-suite: suites recompute when they mean to.
    INVENTORY_SAFETY_STOCK_RECOMPUTE_MINUTES: '0',
    // Set, so that gateways or subgraphs a suite starts as processes of their own can join.
    INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    // Every suite acts as one staff member: its budget must not be what a suite measures (e2e/rate-limit sets its own).
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const nats = options.bus === 'nats' ? isolatedNatsSettings() : null;
  if (nats) Object.assign(env, nats);
  Object.assign(env, options.env);
  const platform = await startPlatform(loadPlatformConfig(env));
  registerDefaultToken(platform.gatewayUrl, await staffToken(platform.gateway));
  return {
    ...platform,
    database,
    nats,
    internalSecret: env.INTERNAL_TOKEN_SECRET,
    async close() {
      await platform.stop();
      await database.drop();
      if (nats) await deleteNatsStream(nats.NATS_URL, nats.NATS_STREAM);
    },
  };
}
