import { describeWithRedis, isolatedRedisPrefix, testBackends } from '@supply-graph/shared/testing';
import { graphql } from '../generated/suites';
import { startGatewayProcess, stopGatewayProcesses } from '../support/gateway-process';
import { postGraphQL } from '../support/graphql';
import { subscribeSse, subscribeWs } from '../support/live';
import { usePlatform } from '../support/use-platform';

// A bucket of 5 requests (60 a minute, 5 s of burst): small enough to spend in a test,
// slow enough not to refill during it.
const LIMIT = { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST_SECONDS: '5' };
const backend = testBackends()[0].backend;

const EVENTS = graphql(`subscription RateLimitEvents { orderStatusChanged { eventId } }`);

async function post(url: string) {
  const { status, headers, body } = await postGraphQL(url, { query: '{ __typename }' });
  return { status, retryAfter: headers.get('retry-after'), body };
}

async function statuses(url: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await post(url)).status);
  return out;
}

describe('rate limits on the gateway', () => {
  const { platform } = usePlatform(backend, { customers: 5, orders: 5, env: LIMIT });

  it('one gateway: HTTP 429 with Retry-After and RATE_LIMITED past the budget', async () => {
    expect(await statuses(platform.gatewayUrl, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await post(platform.gatewayUrl);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: Number(refused.retryAfter),
    });
  });

  it('a subscribe past the budget is refused with RATE_LIMITED, over graphql-ws and SSE', async () => {
    // The budget is spent by the test before.
    for (const subscribe of [subscribeWs, subscribeSse]) {
      const live = subscribe(platform.gatewayUrl, EVENTS);
      const ended = await Promise.race([live.ended, live.waitFor(1).then(() => live.results[0])]);
      await live.stop();
      expect(JSON.stringify(ended)).toContain('RATE_LIMITED');
    }
  });

  it('two gateways without Redis: each grants the whole budget', async () => {
    const gateways = [await startGatewayProcess(platform, LIMIT), await startGatewayProcess(platform, LIMIT)];
    try {
      expect(await statuses(gateways[0].url, 6)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(await statuses(gateways[1].url, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await stopGatewayProcesses(gateways);
    }
  }, 60_000);

  describeWithRedis('two gateways sharing Redis', (redisUrl) => {
    it('share one budget', async () => {
      const shared = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: isolatedRedisPrefix() };
      const gateways = [
        await startGatewayProcess(platform, { ...LIMIT, ...shared }),
        await startGatewayProcess(platform, { ...LIMIT, ...shared }),
      ];
      try {
        expect(await statuses(gateways[0].url, 3)).toEqual([200, 200, 200]);
        expect(await statuses(gateways[1].url, 3)).toEqual([200, 200, 429]);
        expect((await post(gateways[0].url)).status).toBe(429);
      } finally {
        await stopGatewayProcesses(gateways);
      }
    }, 60_000);
  });
});
