import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testConfig } from './config';

/** A PostgreSQL the suites run against: the embedded default and, when configured, a server. */
export interface TestBackend {
  name: 'embedded' | 'server';
  /** URL of a database on that cluster from which fresh databases are created. */
  adminUrl: string;
}

/** Environment variables the test harness hands from global setup to the workers. */
export const TEST_ENV = {
  embeddedUrl: 'SUPPLY_GRAPH_TEST_EMBEDDED_URL',
  /** Names this run's template databases (see `templateDatabase`). */
  runId: 'SUPPLY_GRAPH_TEST_RUN',
} as const;

/** Template databases are named `sg_tpl_<run>_<key>`: this run's can be found, and dropped, by the prefix. */
export const TEMPLATE_PREFIX = 'sg_tpl_';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database with a unique name on the backend's cluster, so every
 * suite starts clean and suites never see each other's rows: empty, or a copy
 * of a template database (`templateDatabase`) of the same cluster.
 */
export async function createTestDatabase(adminUrl: string, label = 'test', template?: string): Promise<TestDatabase> {
  const name = `sg_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The name of a template database on the backend's cluster, built by `build`
 * once per test run and key, for `createTestDatabase` to copy. Migrating (and
 * seeding) a database is most of what a suite's set-up costs on CPU, the
 * scarce thing of a test run; PostgreSQL copies a built database in a fraction
 * of that. Suites still get a database of their own each.
 *
 * The key must name everything `build` depends on (the schema's migrations,
 * the seed's size). The first caller builds it while holding an advisory lock;
 * concurrent callers in other workers wait for it, then copy. A template takes
 * no connections once built (a connection to it would make copying fail), and
 * the run's global teardown drops it (`dropTemplateDatabases`).
 * Without a run id (no global setup) there is no template: undefined.
 */
export async function templateDatabase(
  adminUrl: string,
  key: string,
  build: (url: string) => Promise<void>,
): Promise<string | undefined> {
  const run = testConfig.runId();
  if (!run) return undefined;
  const name = `${TEMPLATE_PREFIX}${run}_${key.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`.slice(0, 63);
  await withClient(adminUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rows } = await c.query<{ done: boolean }>(
        'SELECT NOT datallowconn AS done FROM pg_database WHERE datname = $1',
        [name],
      );
      if (rows[0]?.done) return;
      // A template still taking connections is one whose builder died half-way: built again.
      if (rows[0]) await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      try {
        await build(url.toString());
        await c.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      } catch (err) {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
        throw err;
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    }
  });
  return name;
}

/** Drops the run's template databases on the backend's cluster (global teardown). */
export async function dropTemplateDatabases(adminUrl: string): Promise<void> {
  const run = testConfig.runId();
  if (!run) return;
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${TEMPLATE_PREFIX}${run}_`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
