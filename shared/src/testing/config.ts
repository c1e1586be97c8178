import { TEST_ENV } from './databases';

/** The one place the test harness reads its environment. */
export const testConfig = {
  /** A server PostgreSQL to run the `[server PostgreSQL]` suites on. */
  serverDatabaseUrl: (): string | undefined => process.env.DATABASE_URL || undefined,
  /** NATS with JetStream for the bus suites; default the local server `nats://127.0.0.1:4222`. */
  natsUrl: (): string => process.env.NATS_URL || 'nats://127.0.0.1:4222',
  /** A Redis server for the `[Redis]` suites (rate limits shared between gateways), e.g. `redis://127.0.0.1:6379`. */
  redisUrl: (): string | undefined => process.env.REDIS_URL || undefined,
  /**
   * Which PostgreSQL the e2e suites' platforms run on: `both`, or `one` (the server when DATABASE_URL is set,
   * else the embedded one). Default `one`: see e2e/support/backends.ts.
   */
  e2eBackends: (): 'one' | 'both' => (/^both$/i.test(process.env.E2E_BACKENDS ?? '') ? 'both' : 'one'),
  /** On CI the server suites are mandatory. */
  isCi: (): boolean => /^(1|true)$/i.test(process.env.CI ?? ''),
  /** Where the cluster suites' processes keep their warnings and errors, one file each (none: they log nowhere). */
  clusterLogDir: (): string | undefined => process.env.E2E_CLUSTER_LOG_DIR || undefined,
  /** Set by the global setup for the workers. */
  embeddedUrl: (): string | undefined => process.env[TEST_ENV.embeddedUrl],
  /** The environment a process the harness starts inherits, before the suite's own settings go on top. */
  inheritedEnv: (): Record<string, string | undefined> => ({ ...process.env }),
  setEmbeddedUrl: (url: string): void => {
    process.env[TEST_ENV.embeddedUrl] = url;
  },
  /** Set by the global setup (`setRunId`): names this run's template databases; none without the global setup. */
  runId: (): string | undefined => process.env[TEST_ENV.runId] || undefined,
  /** Set by the global setup for the workers: names the run's template databases (`templateDatabase`). */
  setRunId: (id: string): void => {
    process.env[TEST_ENV.runId] = id;
  },
};
