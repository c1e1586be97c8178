import { loadConfig } from '@supply-graph/shared';
import { z } from 'zod';
import { rateLimitConfig, rateLimitSettings } from '../rate-limit.config';

/** The fragment as the gateway's config uses it: spread into its schema, mapped in its transform. */
const load = (env: Record<string, string>) =>
  loadConfig('gateway', z.object({ ...rateLimitConfig }).transform(rateLimitSettings), env);

describe('rate-limit config', () => {
  it('defaults to 600 a minute with 10 s of burst, counted in memory', () => {
    expect(load({})).toEqual({
      perMinute: 600,
      burstSeconds: 10,
      redisUrl: undefined,
      redisKeyPrefix: 'supply-graph:',
    });
    expect(load({ REDIS_URL: '' }).redisUrl).toBeUndefined();
  });

  it('takes the operator settings and refuses values that cannot work', () => {
    expect(
      load({
        RATE_LIMIT_PER_MINUTE: '120',
        RATE_LIMIT_BURST_SECONDS: '2.5',
        REDIS_URL: 'redis://cache:6379/2',
        REDIS_KEY_PREFIX: 'hub:',
      }),
    ).toEqual({
      perMinute: 120,
      burstSeconds: 2.5,
      redisUrl: 'redis://cache:6379/2',
      redisKeyPrefix: 'hub:',
    });
    expect(() => load({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => load({ RATE_LIMIT_BURST_SECONDS: 'lots' })).toThrow(/RATE_LIMIT_BURST_SECONDS/);
    expect(() => load({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL.*redis:\/\//);
  });
});
