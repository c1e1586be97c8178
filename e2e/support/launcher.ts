import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mintLocalToken } from '@supply-graph/platform';
import { SCOPES } from '@supply-graph/shared';
import { testConfig } from '@supply-graph/shared/testing';
import { freePort } from './ports';

// `npm start` is `tsc -b && node platform/dist/start.js`; the build is done, the promise is the launcher.
const REPO_ROOT = path.resolve(__dirname, '../..');
const START_JS = path.join(REPO_ROOT, 'platform/dist/start.js');

/** `npm start` running as a process of its own, its output collected. */
export interface Launched {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Ctrl-C at a terminal: SIGINT to the launcher's whole process group (`launch(..., { ownGroup: true })`). */
  interruptGroup(): void;
}

/** Free ports for the embedded PostgreSQL, the gateway and the four subgraphs. */
export async function portsEnv(): Promise<Record<string, string>> {
  const names = [
    'EMBEDDED_PG_PORT',
    'GATEWAY_PORT',
    'ORDERS_PORT',
    'CUSTOMERS_PORT',
    'INVENTORY_PORT',
    'LOGISTICS_PORT',
  ];
  const env: Record<string, string> = {};
  for (const name of names) env[name] = String(await freePort());
  return env;
}

/**
 * Starts `npm start`'s launcher on `dataDir` with a small demo data set.
 * `ownGroup`: in a process group of its own, as a shell runs a command, so a
 * test can interrupt the group the way a terminal's Ctrl-C does.
 */
export function launch(
  dataDir: string,
  ports: Record<string, string>,
  extra: Record<string, string> = {},
  { ownGroup = false } = {},
): Launched {
  const env: NodeJS.ProcessEnv = {
    ...testConfig.inheritedEnv(),
    ...ports,
    DATA_DIR: dataDir,
    SEED_CUSTOMERS: '300',
    SEED_ORDERS: '1200',
    LOG_LEVEL: 'info',
    ...extra,
  };
  // The promise under test: `npm start` on a machine with no servers, so the embedded PostgreSQL and the
  // in-process bus (CI's NATS and Redis would bring their streams and budgets of other runs).
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.REDIS_URL;
  delete env.SEED_ON_EMPTY;
  const child = spawn(process.execPath, [START_JS], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: ownGroup,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const interruptGroup = () => {
    if (!ownGroup) throw new Error('launched without a process group of its own');
    process.kill(-child.pid!, 'SIGINT');
  };
  return { child, stdout: () => out, stderr: () => err, exit, interruptGroup };
}

/** Resolves when stdout matches, rejects when the process exits first or the time is up. */
export async function waitForOutput(run: Launched, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let exited = false;
  void run.exit.then(() => (exited = true));
  while (!pattern.test(run.stdout())) {
    if (exited) throw new Error(`exited before ${pattern}:\n${run.stderr()}\n${run.stdout().slice(-3000)}`);
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} within ${ms} ms:\n${run.stderr()}\n${run.stdout().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the exit code, or 'timeout' when the process is still running after `ms`. */
export async function exitWithin(run: Launched, ms: number): Promise<number | null | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  try {
    return await Promise.race([run.exit, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The PostgreSQL processes running on a data directory. */
export const postgresOf = (dir: string) =>
  execFileSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir));

/** A token of the checkout's own key, as `npm run token` mints it (the platform under test signs with the same one). */
export const staff = (dataDir: string) =>
  mintLocalToken({ sub: 'npm-start-e2e', scopes: [...SCOPES], ttlSeconds: 600 }, { DATA_DIR: dataDir });

/** Stops what the launches left running, their PostgreSQL included, and removes the data directory. */
export async function stopLeftovers(dir: string, launched: Launched[]): Promise<void> {
  for (const run of launched) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
    run.child.kill('SIGTERM');
    if ((await exitWithin(run, 10_000)) === 'timeout') run.child.kill('SIGKILL');
  }
  // A launcher killed hard leaves its postmaster behind: stop that one process by its pid.
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
    for (let i = 0; i < 50 && postgresOf(dir).length; i += 1) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A data directory of the test's own. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supply-graph-start-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must reach its data directory.
  chmodSync(dir, 0o755);
  return dir;
}

/** What a suite that runs `npm start` itself works with: see `useLaunches`. */
export interface Launches {
  /** The suite's data directory. */
  dir(): string;
  /** `launch` on the suite's data directory; stopped after the suite if it is still running. */
  launch(ports: Record<string, string>, extra?: Record<string, string>, options?: { ownGroup?: boolean }): Launched;
}

/**
 * The set-up of a suite that runs `npm start`: a data directory of its own
 * (`beforeAll`), and in `afterAll` whatever its launches left running stopped
 * and the directory removed (`stopLeftovers`).
 */
export function useLaunches(): Launches {
  let dir = '';
  const launched: Launched[] = [];
  beforeAll(() => {
    dir = tempDataDir();
  });
  afterAll(() => stopLeftovers(dir, launched), 30_000);
  return {
    dir: () => dir,
    launch(ports, extra, options) {
      const run = launch(dir, ports, extra, options);
      launched.push(run);
      return run;
    },
  };
}

/** The PostgreSQL processes left on `dir` after a stop, given the postmaster's backends two seconds to go. */
export async function postgresLeftOn(dir: string): Promise<string[]> {
  for (let i = 0; i < 20 && postgresOf(dir).length; i += 1) await new Promise((r) => setTimeout(r, 100));
  return postgresOf(dir);
}
