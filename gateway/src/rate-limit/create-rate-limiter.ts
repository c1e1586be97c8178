import type { Logger } from '@supply-graph/shared';
import { MemoryRateLimiter } from './memory-rate-limiter';
import type { RateLimitSettings } from './rate-limit.config';
import type { RateLimiter } from './rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';

/**
 * The one place the limiter is chosen: Redis when REDIS_URL is set (replicas
 * share one budget), else memory (one gateway). Waits a moment for Redis to
 * connect; an unreachable Redis does not stop the gateway (see RedisRateLimiter).
 */
export async function createRateLimiter(settings: RateLimitSettings, logger: Logger): Promise<RateLimiter> {
  if (!settings.redisUrl) {
    logger.info(
      { perMinute: settings.perMinute },
      'rate limits: counted in memory (set REDIS_URL to share them between replicas)',
    );
    return new MemoryRateLimiter(settings.burstSeconds);
  }
  const limiter = new RedisRateLimiter(
    { url: settings.redisUrl, keyPrefix: settings.redisKeyPrefix, burstSeconds: settings.burstSeconds },
    logger,
  );
  await limiter.connect();
  return limiter;
}
