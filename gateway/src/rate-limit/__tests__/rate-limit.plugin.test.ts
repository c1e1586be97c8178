import { ApolloServer, HeaderMap } from '@apollo/server';
import { AppError, createLogger, makeFormatError, servicePrincipal, type Principal } from '@supply-graph/shared';
import type { ClientPolicy, GatewayContext } from '../../context';
import { MemoryRateLimiter } from '../memory-rate-limiter';
import { rateLimit, rateLimitSubscribe } from '../rate-limit.plugin';

const logger = createLogger('gateway-test', 'silent');

const principal = (sub: string, kind: Principal['kind'] = 'client'): Principal => ({
  sub,
  scopes: new Set(),
  channels: null,
  kind,
});
const policy = (clientId: string, rateLimitPerMinute: number | null): ClientPolicy => ({
  clientId,
  rateLimitPerMinute,
  trustedDocumentsOnly: false,
});

/** An Apollo server with the plugin, the gateway's error formatting, and a clock the test moves. */
async function serverWithLimit(defaultPerMinute: number, burstSeconds: number) {
  const clock = { now: 5_000_000 };
  const limiter = new MemoryRateLimiter(burstSeconds, () => clock.now);
  let resolved = 0;
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: 'type Query { hello: String }',
    resolvers: {
      Query: {
        hello: () => {
          resolved++;
          return 'world';
        },
      },
    },
    formatError: makeFormatError(logger),
    plugins: [rateLimit(limiter, defaultPerMinute)],
  });
  await apollo.start();
  const post = async (caller: Principal, client: ClientPolicy | null = null, query = '{ hello }') => {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query },
      },
      context: async () => ({ requestId: 'r', log: logger, principal: caller, internalToken: 't', client }),
    });
    const body = response.body.kind === 'complete' ? JSON.parse(response.body.string) : null;
    return { status: response.status ?? 200, retryAfter: response.headers.get('retry-after'), body };
  };
  return { apollo, post, clock, resolved: () => resolved };
}

describe('rateLimit plugin through ApolloServer', () => {
  it('answers HTTP 429 with Retry-After and RATE_LIMITED past the budget, without running the operation', async () => {
    const { apollo, post, resolved } = await serverWithLimit(60, 3); // bucket of 3, one a second
    try {
      const partner = principal('partner-1');
      for (let i = 0; i < 3; i++) expect((await post(partner)).status).toBe(200);
      expect(resolved()).toBe(3);

      const refused = await post(partner);
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toBe('1');
      expect(refused.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/too many requests/i),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
          },
        ],
      });
      expect(resolved()).toBe(3);
    } finally {
      await apollo.stop();
    }
  });

  it('lets the caller in again once its bucket has refilled, and limits each caller on its own', async () => {
    const { apollo, post, clock } = await serverWithLimit(60, 1); // bucket of 1
    try {
      expect((await post(principal('a'))).status).toBe(200);
      expect((await post(principal('a'))).status).toBe(429);
      expect((await post(principal('b'))).status).toBe(200);
      clock.now += 1000;
      expect((await post(principal('a'))).status).toBe(200);
    } finally {
      await apollo.stop();
    }
  });

  it("uses an API client's own rateLimitPerMinute over the platform default", async () => {
    const { apollo, post } = await serverWithLimit(60, 10); // default: bucket of 10
    try {
      const count = async (sub: string, client: ClientPolicy | null) => {
        let ok = 0;
        for (let i = 0; i < 12; i++) if ((await post(principal(sub), client)).status === 200) ok++;
        return ok;
      };
      expect(await count('slow-partner', policy('slow-partner', 12))).toBe(2); // 12/min: bucket of 2
      expect(await count('big-partner', policy('big-partner', 6000))).toBe(12);
      expect(await count('default-partner', policy('default-partner', null))).toBe(10);
      expect(await count('staff-1', null)).toBe(10);
    } finally {
      await apollo.stop();
    }
  });

  it('counts requests that fail validation too, and does not limit the platform itself', async () => {
    const { apollo, post } = await serverWithLimit(60, 1);
    try {
      expect((await post(principal('prober'), null, '{ nope }')).status).toBe(400);
      expect((await post(principal('prober'))).status).toBe(429);
      const platform = servicePrincipal('orders');
      for (let i = 0; i < 5; i++) expect((await post(platform)).status).toBe(200);
    } finally {
      await apollo.stop();
    }
  });
});

describe('rateLimitSubscribe', () => {
  it('refuses a subscribe past the budget with RATE_LIMITED and the wait', async () => {
    const subscribe = rateLimitSubscribe(new MemoryRateLimiter(1, () => 0), 60);
    const caller = { principal: principal('watcher'), client: null };
    await expect(subscribe(caller)).resolves.toBeUndefined();
    const refusal = await subscribe(caller).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });
});
