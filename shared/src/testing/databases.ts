import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A PostgreSQL the suites run against: the embedded default and, when configured, a server. */
export interface TestBackend {
  name: 'embedded' | 'server';
  /** URL of a database on that cluster from which fresh databases are created. */
  adminUrl: string;
}

/** Environment variables the test harness hands from global setup to the workers. */
export const TEST_ENV = {
  embeddedUrl: 'SUPPLY_GRAPH_TEST_EMBEDDED_URL',
} as const;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name on the backend's cluster, so
 * every suite starts clean and suites never see each other's rows.
 */
export async function createTestDatabase(adminUrl: string, label = 'test'): Promise<TestDatabase> {
  const name = `sg_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
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
