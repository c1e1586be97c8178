import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createLogger, type Logger } from '@supply-graph/shared';
import { describeWithRedis, isolatedRedisPrefix } from '@supply-graph/shared/testing';
import { Redis } from 'ioredis';
import { createRateLimiter } from '../create-rate-limiter';
import { MemoryRateLimiter } from '../memory-rate-limiter';
import type { RateLimiter } from '../rate-limiter';
import { RedisRateLimiter } from '../redis-rate-limiter';

/** A silent logger whose warnings and infos the test can read. */
function recordingLogger() {
  const logger = createLogger('gateway-test', 'silent');
  const warnings: string[] = [];
  const infos: string[] = [];
  jest.spyOn(logger, 'warn').mockImplementation(((_: unknown, msg: string) => void warnings.push(msg)) as never);
  jest.spyOn(logger, 'info').mockImplementation(((_: unknown, msg: string) => void infos.push(msg)) as never);
  return { logger: logger as Logger, warnings, infos };
}

const allowedOf = async (limiter: RateLimiter, key: string, perMinute: number, count: number) => {
  let allowed = 0;
  for (let i = 0; i < count; i++) if ((await limiter.take(key, perMinute)).allowed) allowed++;
  return allowed;
};

/** A TCP relay to Redis that the test can cut and restore: an outage without touching the real server. */
function redisRelay(redisUrl: string) {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  return {
    url: () => Object.assign(new URL(redisUrl), { hostname: '127.0.0.1', port: String(port) }).toString(),
    start: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = connect(Number(target.port || 6379), target.hostname);
          const drop = () => (client.destroy(), upstream.destroy());
          for (const socket of [client, upstream]) sockets.add(socket).add(socket.on('error', drop).on('close', drop));
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as AddressInfo).port;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        server!.close(() => resolve());
      }),
  };
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithRedis('RedisRateLimiter: replicas share one budget', (redisUrl) => {
  const prefix = isolatedRedisPrefix();
  const { logger, warnings } = recordingLogger();
  const settings = { perMinute: 600, burstSeconds: 10, redisUrl, redisKeyPrefix: prefix };
  let replicaA: RateLimiter;
  let replicaB: RateLimiter;
  let admin: Redis;
  const options = (burstSeconds: number) => ({ url: redisUrl, keyPrefix: prefix, burstSeconds });

  beforeAll(async () => {
    admin = new Redis(redisUrl);
    replicaA = await createRateLimiter(settings, logger);
    replicaB = await createRateLimiter(settings, logger);
  });

  afterAll(async () => {
    await replicaA?.close();
    await replicaB?.close();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('is chosen by createRateLimiter when REDIS_URL is set', () => {
    expect(replicaA).toBeInstanceOf(RedisRateLimiter);
  });

  it('draws two gateways on one bucket: what one grants, the other cannot', async () => {
    // 60/min with 10 s of burst: 10 requests, however they are spread over the replicas.
    expect(await allowedOf(replicaA, 'partner-1', 60, 6)).toBe(6);
    expect(await allowedOf(replicaB, 'partner-1', 60, 6)).toBe(4);
    const refusedA = await replicaA.take('partner-1', 60);
    const refusedB = await replicaB.take('partner-1', 60);
    expect(refusedA).toMatchObject({ allowed: false, remaining: 0 });
    expect(refusedA.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusedB.allowed).toBe(false);
    // Another caller has its own budget.
    expect((await replicaB.take('partner-2', 60)).allowed).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('takes atomically: concurrent requests on both replicas never exceed the burst', async () => {
    // bucket of 20
    const takes = Array.from({ length: 40 }, (_, i) => (i % 2 ? replicaA : replicaB).take('concurrent', 120));
    const decisions = await Promise.all(takes);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
  });

  it('refills at the steady rate (on Redis time)', async () => {
    // 60/min with 5 s of burst: a bucket of 5, one token a second.
    const [a, b] = [new RedisRateLimiter(options(5), logger), new RedisRateLimiter(options(5), logger)];
    await Promise.all([a.connect(), b.connect()]);
    try {
      expect(await allowedOf(a, 'refill', 60, 5)).toBe(5);
      expect(await b.take('refill', 60)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
      await new Promise((r) => setTimeout(r, 1100));
      expect((await b.take('refill', 60)).allowed).toBe(true);
      expect((await a.take('refill', 60)).allowed).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('lets an idle bucket expire instead of keeping a key per caller forever', async () => {
    await replicaA.take('brief', 600_000); // bucket refills in ms: the key expires about a second later
    const ttl = await admin.pttl(`${prefix}rate-limit:brief`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1100);
  });

  it('fails open through an outage, warns once, and shares the budget again once Redis is back', async () => {
    const relay = redisRelay(redisUrl);
    await relay.start();
    const log = recordingLogger();
    const relayed = new RedisRateLimiter({ ...options(10), url: relay.url() }, log.logger);
    await relayed.connect();
    try {
      expect(await allowedOf(relayed, 'outage', 60, 3)).toBe(3);
      await relay.stop();
      // Redis gone for this gateway: requests still pass, on its own in-memory bucket of 10.
      expect(await allowedOf(relayed, 'outage', 60, 12)).toBe(10);
      expect(log.warnings.filter((m) => /Redis unreachable/.test(m))).toHaveLength(1);

      await relay.start();
      await eventually(() => log.infos.some((m) => /Redis reachable again/.test(m)));
      // Shared again: what the other replica spends, this one no longer has (its memory bucket would).
      expect(await allowedOf(replicaA, 'after-outage', 60, 10)).toBe(10);
      expect((await relayed.take('after-outage', 60)).allowed).toBe(false);
      expect(log.warnings.filter((m) => /Redis unreachable/.test(m))).toHaveLength(1);
    } finally {
      await relayed.close();
      await relay.stop().catch(() => undefined);
    }
  }, 30_000);
});

describe('RedisRateLimiter when Redis cannot be reached', () => {
  it('fails open to per-gateway memory limits and warns once per outage, not per request', async () => {
    const { logger, warnings } = recordingLogger();
    // Port 1 on loopback: connection refused at once.
    const limiter = await createRateLimiter(
      { perMinute: 600, burstSeconds: 10, redisUrl: 'redis://:secret@127.0.0.1:1', redisKeyPrefix: 'x:' },
      logger,
    );
    try {
      expect(limiter).toBeInstanceOf(RedisRateLimiter);
      // Not refused for want of Redis, but still limited on this gateway: 10 of 12 at 60/min.
      expect(await allowedOf(limiter, 'partner-1', 60, 12)).toBe(10);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Redis unreachable, failing open/);
    } finally {
      await limiter.close();
    }
  });

  it('counts in memory when REDIS_URL is not set', async () => {
    const { logger } = recordingLogger();
    const limiter = await createRateLimiter(
      { perMinute: 600, burstSeconds: 10, redisUrl: undefined, redisKeyPrefix: 'x:' },
      logger,
    );
    expect(limiter).toBeInstanceOf(MemoryRateLimiter);
    await limiter.close();
  });
});
