import type { Logger } from '@supply-graph/shared';
import { Redis } from 'ioredis';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { bucketShape, type RateDecision, type RateLimiter } from './rate-limiter';

/**
 * The token bucket of `takeToken` (rate-limiter.ts), run atomically in Redis
 * so that every replica takes from the same bucket. The clock is Redis's own
 * (TIME), so replicas whose clocks disagree still refill it alike; Redis >= 5
 * (scripts replicated by effect, which TIME before a write needs).
 * KEYS[1]: the caller's bucket (a hash: tokens, at); ARGV: tokens per ms, capacity.
 * Returns {allowed 0/1, remaining tokens (whole), ms until one token}.
 * An idle bucket expires once it would be full again: a new one starts full.
 */
export const TAKE_TOKEN_LUA = `
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if bucket[1] and bucket[2] then
  tokens = math.min(capacity, tonumber(bucket[1]) + math.max(0, now - tonumber(bucket[2])) * rate)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
local wait = 0
if allowed == 0 then
  wait = math.ceil((1 - tokens) / rate)
end
return { allowed, math.floor(tokens), wait }
`;

/** A rate-limit check must not hold a request up: a Redis slower than this counts as unreachable. */
const COMMAND_TIMEOUT_MS = 500;
/** How long start-up waits for Redis before serving without it. */
const CONNECT_WAIT_MS = 2000;

interface TakeTokenCommand {
  takeToken(key: string, ratePerMs: string, capacity: string): Promise<[number, number, number]>;
}

export interface RedisRateLimiterOptions {
  url: string;
  /** Prepended to every key (ioredis keyPrefix), so deployments and tests sharing a Redis stay apart. */
  keyPrefix: string;
  burstSeconds: number;
}

/**
 * Token buckets in Redis: every gateway replica pointed at the same Redis
 * draws on one budget per caller.
 *
 * When Redis cannot be reached this FAILS OPEN: requests are not refused for
 * want of Redis (that would make Redis an outage of the whole API); each
 * replica limits callers on its own in memory instead — the shared budget
 * becomes one budget per replica — until Redis answers again. The outage is
 * logged once as a warning when it starts and once when it ends, not per request.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly fallback: MemoryRateLimiter;
  private outage = false;

  constructor(
    private readonly options: RedisRateLimiterOptions,
    private readonly logger: Logger,
  ) {
    this.fallback = new MemoryRateLimiter(options.burstSeconds);
    this.redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix,
      lazyConnect: true,
      // While Redis is away a check fails at once (and falls back) instead of queueing behind the reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_WAIT_MS,
      // ioredis arms this timer on disconnect and clears it only when the socket closes, which a socket
      // already refused never does again (redis/ioredis#1247): kept short, it cannot hold up shutdown.
      disconnectTimeout: 200,
    });
    this.redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN_LUA });
    // ioredis reports every failed reconnect as an 'error' event; without a listener it prints them itself.
    this.redis.on('error', (err: Error) => this.lost(err));
    this.redis.on('ready', () => this.regained());
  }

  /**
   * Connects, waiting at most a moment: a Redis that is down at start-up is an
   * outage like any other (logged, limits per replica), and ioredis keeps
   * reconnecting in the background.
   */
  async connect(): Promise<void> {
    const connected = this.redis.connect().then(
      () => true,
      (err: Error) => {
        this.lost(err);
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(resolve, CONNECT_WAIT_MS, false);
    });
    const ready = await Promise.race([connected, timedOut]).finally(() => clearTimeout(timer));
    if (!ready) this.lost(new Error(`Redis did not answer within ${CONNECT_WAIT_MS} ms`));
  }

  async take(key: string, perMinute: number): Promise<RateDecision> {
    const shape = bucketShape(perMinute, this.options.burstSeconds);
    try {
      const [allowed, remaining, waitMs] = await (this.redis as unknown as TakeTokenCommand).takeToken(
        `rate-limit:${key}`,
        String(shape.ratePerMs),
        String(shape.capacity),
      );
      this.regained();
      return {
        allowed: allowed === 1,
        retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(waitMs / 1000)),
        remaining,
      };
    } catch (err) {
      this.lost(err as Error);
      return this.fallback.takeNow(key, perMinute);
    }
  }

  async close(): Promise<void> {
    this.redis.removeAllListeners('error');
    this.redis.on('error', () => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.fallback.close();
  }

  private lost(err: Error): void {
    if (this.outage) return;
    this.outage = true;
    this.logger.warn(
      { err: { message: err.message }, redis: redactUrl(this.options.url) },
      'rate limits: Redis unreachable, failing open: each gateway limits callers on its own until Redis is back',
    );
  }

  private regained(): void {
    if (!this.outage) return;
    this.outage = false;
    this.logger.info(
      { redis: redactUrl(this.options.url) },
      'rate limits: Redis reachable again, replicas share one budget',
    );
  }
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis (unparsable URL)';
  }
}
