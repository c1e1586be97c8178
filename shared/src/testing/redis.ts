import { randomBytes } from 'node:crypto';
import { testConfig } from './config';

/**
 * `describe` for suites that need a Redis server: runs when REDIS_URL is set,
 * else is registered as skipped and says so in its title. On CI a missing
 * REDIS_URL fails the run instead of skipping.
 */
export function describeWithRedis(title: string, body: (redisUrl: string) => void): void {
  const url = testConfig.redisUrl();
  if (url) {
    describe(`${title} [Redis]`, () => body(url));
    return;
  }
  if (testConfig.isCi())
    throw new Error('CI must run the Redis suites too: set REDIS_URL (e.g. redis://127.0.0.1:6379)');
  describe.skip(`${title} [Redis: skipped, REDIS_URL not set]`, () => body(''));
}

/** A key prefix no other test run uses, for suites sharing one Redis (delete `${prefix}*` afterwards). */
export const isolatedRedisPrefix = (): string => `test-${randomBytes(4).toString('hex')}:`;
