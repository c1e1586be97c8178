import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describeWithRedis, isolatedRedisPrefix, testBackends } from '@supply-graph/shared/testing';
import { registerDefaultToken, staffToken } from '../support/auth';
import { withAuthorization } from '../support/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { subscribeSse, subscribeWs } from '../support/live';
import { eventually } from '../support/wait';

// A bucket of 5 requests (60 a minute, 5 s of burst): small enough to spend in a test, slow enough not to refill during it.
const LIMIT = { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST_SECONDS: '5' };
const backend = testBackends()[0].backend;

async function post(url: string) {
  const response = await fetch(url, { method: 'POST', headers: withAuthorization(url, { 'content-type': 'application/json' }), body: JSON.stringify({ query: '{ __typename }' }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
}

async function statuses(url: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await post(url)).status);
  return out;
}

/** A gateway on its own, as in a scaled-out deployment (gateway-replicas.e2e.test.ts does the same). */
async function startGatewayProcess(platform: TestPlatform, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../gateway/dist/main.js')], {
    env: {
      ...process.env,
      REDIS_URL: '',
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      ORDERS_URL: platform.subgraphs.orders!.url.replace('localhost', '127.0.0.1'),
      CUSTOMERS_URL: platform.subgraphs.customers!.url.replace('localhost', '127.0.0.1'),
      INVENTORY_URL: platform.subgraphs.inventory!.url.replace('localhost', '127.0.0.1'),
      LOGISTICS_URL: platform.subgraphs.logistics!.url.replace('localhost', '127.0.0.1'),
      LOG_LEVEL: 'warn',
      INTERNAL_TOKEN_SECRET: platform.internalSecret,
      ...LIMIT,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await eventually(async () => (await fetch(url.replace('/graphql', '/healthz'))).ok || undefined, 'gateway process up', 20_000);
  registerDefaultToken(url, await staffToken(platform.gateway));
  return { url, child };
}

async function stop(gateways: { child: ChildProcess }[]) {
  for (const g of gateways) g.child.kill('SIGTERM');
  await Promise.all(gateways.map((g) => new Promise((r) => (g.child.exitCode !== null ? r(null) : g.child.once('exit', r)))));
}

describe('rate limits on the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 5, orders: 5, env: LIMIT });
  });
  afterAll(async () => platform?.close());

  it('one gateway: HTTP 429 with Retry-After and RATE_LIMITED past the budget', async () => {
    expect(await statuses(platform.gatewayUrl, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await post(platform.gatewayUrl);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.retryAfter) });
  });

  it('a subscribe past the budget is refused with RATE_LIMITED, over graphql-ws and SSE', async () => {
    // The budget is spent by the test before.
    for (const subscribe of [subscribeWs, subscribeSse]) {
      const live = subscribe(platform.gatewayUrl, 'subscription { orderStatusChanged { eventId } }');
      const ended = await Promise.race([live.ended, live.waitFor(1).then(() => live.results[0])]);
      await live.stop();
      expect(JSON.stringify(ended)).toContain('RATE_LIMITED');
    }
  });

  it('two gateways without Redis: each grants the whole budget', async () => {
    const gateways = [await startGatewayProcess(platform, {}), await startGatewayProcess(platform, {})];
    try {
      expect(await statuses(gateways[0].url, 6)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(await statuses(gateways[1].url, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await stop(gateways);
    }
  }, 60_000);

  describeWithRedis('two gateways sharing Redis', (redisUrl) => {
    it('share one budget', async () => {
      const shared = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: isolatedRedisPrefix() };
      const gateways = [await startGatewayProcess(platform, shared), await startGatewayProcess(platform, shared)];
      try {
        expect(await statuses(gateways[0].url, 3)).toEqual([200, 200, 200]);
        expect(await statuses(gateways[1].url, 3)).toEqual([200, 200, 429]);
        expect((await post(gateways[0].url)).status).toBe(429);
      } finally {
        await stop(gateways);
      }
    }, 60_000);
  });
});
