import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import path from 'node:path';
import { mintLocalToken, startProcessCluster, type ProcessCluster } from '@supply-graph/platform';
import { SCOPES } from '@supply-graph/shared';
import { registerDefaultToken } from './auth';
import { platformDatabase } from './templates';
import {
  deleteNatsStream,
  isolatedNatsSettings,
  testConfig,
  type TestBackend,
  type TestDatabase,
} from '@supply-graph/shared/testing';
import { freePort } from './ports';

export type ServiceName = 'gateway' | 'orders' | 'customers' | 'inventory' | 'logistics';
const SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'] as const;

/** The distributed deployment, as processes on this machine: one per service, on a fresh database and NATS stream. */
export interface Cluster {
  gatewayUrl: string;
  databaseUrl: string;
  /** The service's GraphQL URL. */
  url(service: ServiceName): string;
  /** SIGKILL: no clean shutdown, no acks, connections cut. */
  kill(service: ServiceName): Promise<void>;
  /** Starts the service again (same port) and waits for its /readyz. */
  start(service: ServiceName): Promise<void>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  customers?: number;
  orders?: number;
  /** Further settings for every process. */
  env?: Record<string, string>;
}

/**
 * Seeds a fresh database of the backend (a copy of the run's seeded template), then starts the gateway and the four
 * subgraphs as separate `dist/main.js` processes carrying events on an
 * isolated NATS JetStream stream, as docker-compose or Kubernetes would run them.
 */
const LOG_DIR = testConfig.clusterLogDir();
const logFile = (service: ServiceName) => openSync(path.join(LOG_DIR!, `${service}.log`), 'a');

export async function startCluster(backend: TestBackend, options: ClusterOptions = {}): Promise<Cluster> {
  const customers = options.customers ?? 40;
  const orders = options.orders ?? 120;
  // Migrated and seeded as `npm run seed` would (see `platformDatabase`): the processes find nothing left to do.
  const database: TestDatabase = await platformDatabase(backend, `${backend.name}_cluster`, { customers, orders });
  const nats = isolatedNatsSettings();
  const ports = Object.fromEntries(
    await Promise.all((['gateway', ...SUBGRAPHS] as const).map(async (s) => [s, await freePort()] as const)),
  ) as Record<ServiceName, number>;
  const url = (service: ServiceName) => `http://127.0.0.1:${ports[service]}/graphql`;
  const env: Record<string, string> = {
    ...nats,
    DATABASE_URL: database.url,
    // E2E_CLUSTER_LOG_DIR: each process's warnings and errors in <dir>/<service>.log, to see what a failed run saw.
    LOG_LEVEL: LOG_DIR ? 'warn' : 'silent',
    DB_POOL_SIZE: '5',
    SEED_CUSTOMERS: String(customers),
    SEED_ORDERS: String(orders),
    LOGISTICS_EXCEPTION_SCAN_INTERVAL_S: '0',
    INVENTORY_FORECAST_REFIT_HOURS: '0',
    INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Rate-limit buckets stay in each process: concurrent suites must not share them through Redis.
    REDIS_URL: '',
    ...options.env,
  };
  // The same launcher as `npm run start:cluster`, one process per service.
  let processes: ProcessCluster;
  try {
    processes = await startProcessCluster({
      env: { ...testConfig.inheritedEnv(), ...env },
      layout: { gateways: 1, replicas: 1, portOf: (service) => ports[service] },
      output: LOG_DIR ? (m) => logFile(m.service) : undefined,
      readyTimeoutMs: 30_000,
    });
  } catch (err) {
    await database.drop();
    throw err;
  }
  // The gateway process signs with the checkout's key (kept beside the data), as `npm run token` does.
  registerDefaultToken(
    url('gateway'),
    await mintLocalToken({ sub: 'e2e-staff', scopes: [...SCOPES], ttlSeconds: 3600 }, env),
  );
  const kill = (service: ServiceName) => processes.kill(`${service}-1`);
  return {
    gatewayUrl: url('gateway'),
    databaseUrl: database.url,
    url,
    kill,
    start: (service) => processes.start(`${service}-1`),
    async close() {
      await Promise.all(processes.members.map((m) => processes.kill(m.id)));
      await database.drop();
      await deleteNatsStream(nats.NATS_URL, nats.NATS_STREAM);
    },
  };
}
