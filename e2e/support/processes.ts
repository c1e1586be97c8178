import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { eventually } from './wait';

const REPO = path.resolve(__dirname, '../..');

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One subgraph as its own process (its built `main.js`), as deployed; resolves
 * once its `/readyz` answers. `env` must give its port (`<NAME>_PORT`).
 */
export async function startSubgraphProcess(name: 'orders' | 'customers' | 'inventory' | 'logistics', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [`subgraphs/${name}/dist/main.js`], { cwd: REPO, env: { ...process.env, ...env }, stdio: 'ignore' });
  const port = env[`${name.toUpperCase()}_PORT`];
  await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok || undefined, `${name} ready`, 20_000);
  return child;
}

/** The repository root, for tools the tests run (seed, schema). */
export const REPO_ROOT = REPO;
