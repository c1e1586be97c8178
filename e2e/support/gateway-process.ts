import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { testConfig } from '@supply-graph/shared/testing';
import { registerDefaultToken, staffToken } from './auth';
import type { TestPlatform } from './platform';
import { freePort } from './ports';
import { eventually } from './wait';

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
}

/**
 * A gateway on its own (`node gateway/dist/main.js`), as in a scaled-out
 * deployment, in front of a test platform's subgraphs and sharing its
 * internal secret and signing key (so the platform's staff token works on it
 * too, and is registered as its default). `env` adds or overrides settings
 * (NATS, Redis, rate limits); its rate-limit buckets stay in memory unless
 * `env` names a REDIS_URL.
 */
export async function startGatewayProcess(
  platform: TestPlatform,
  env: Record<string, string> = {},
): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../gateway/dist/main.js')], {
    env: {
      ...testConfig.inheritedEnv(),
      ...platform.nats,
      REDIS_URL: '',
      RATE_LIMIT_PER_MINUTE: '1000000',
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      ORDERS_URL: platform.subgraphs.orders!.url.replace('localhost', '127.0.0.1'),
      CUSTOMERS_URL: platform.subgraphs.customers!.url.replace('localhost', '127.0.0.1'),
      INVENTORY_URL: platform.subgraphs.inventory!.url.replace('localhost', '127.0.0.1'),
      LOGISTICS_URL: platform.subgraphs.logistics!.url.replace('localhost', '127.0.0.1'),
      LOG_LEVEL: 'warn',
      INTERNAL_TOKEN_SECRET: platform.internalSecret,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await eventually(
    async () => (await fetch(url.replace('/graphql', '/healthz')).catch(() => null))?.ok || undefined,
    'gateway process up',
    20_000,
  );
  registerDefaultToken(url, await staffToken(platform.gateway));
  return { url, child };
}

/** Stops gateway processes and waits for them to exit. */
export async function stopGatewayProcesses(gateways: readonly { child: ChildProcess }[]): Promise<void> {
  for (const g of gateways) g.child.kill('SIGTERM');
  await Promise.all(
    gateways.map((g) => new Promise((r) => (g.child.exitCode !== null ? r(null) : g.child.once('exit', r)))),
  );
}
