import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from '@supply-graph/shared';
import { SERVER_SUITES_NOTE, testConfig } from '@supply-graph/shared/testing';
import { E2E_BACKENDS_NOTE } from './backends';
import { freePort } from './ports';

/**
 * Starts the embedded PostgreSQL every suite tests against, in a temporary
 * folder on a free port; workers find it through an environment variable.
 * On CI a server PostgreSQL (DATABASE_URL) is mandatory: its suites must run.
 */
export default async function globalSetup(): Promise<void> {
  if (!testConfig.serverDatabaseUrl() && testConfig.isCi()) {
    throw new Error('CI must test on server PostgreSQL too: set DATABASE_URL (see .ci/run).');
  }
  if (!testConfig.serverDatabaseUrl()) process.stdout.write(`\n${SERVER_SUITES_NOTE}\n`);
  else if (testConfig.e2eBackends() === 'one') process.stdout.write(`\n${E2E_BACKENDS_NOTE}\n`);
  // Names this run's template databases (migrated schemas, seeded platforms): see templateDatabase.
  testConfig.setRunId(randomBytes(4).toString('hex'));
  const dir = mkdtempSync(path.join(tmpdir(), 'supply-graph-test-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must reach its data directory.
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: await freePort(),
    database: 'postgres_admin',
    logger: pino({ level: 'warn' }),
  });
  testConfig.setEmbeddedUrl(pg.url);
  (globalThis as { __embeddedPg?: typeof pg; __embeddedDir?: string }).__embeddedPg = pg;
  (globalThis as { __embeddedDir?: string }).__embeddedDir = dir;
}
