import { optionalString } from '@supply-graph/shared';
import { z } from 'zod';

/**
 * The rate-limit variables, spread into the gateway's config schema
 * (gateway/src/config.ts documents them with the rest):
 * - RATE_LIMIT_PER_MINUTE (default 600): requests a minute for a caller whose API client sets no
 *   `rateLimitPerMinute` (staff, frontends, clients left at the platform default)
 * - RATE_LIMIT_BURST_SECONDS (default 10): a caller's bucket holds this many seconds of its rate, at
 *   least one request: at 600/min a quiet caller may send 100 at once, then 10 a second
 * - REDIS_URL (redis:// or rediss://): replicas share one budget per caller through this Redis;
 *   unset: each gateway counts in memory. Redis unreachable: limits fall back to each gateway's memory
 * - REDIS_KEY_PREFIX (default `supply-graph:`): prefix of the gateway's Redis keys
 */
export const rateLimitConfig = {
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_BURST_SECONDS: z.coerce.number().positive().max(3600).default(10),
  REDIS_URL: optionalString.refine(
    (v) => v === undefined || /^rediss?:\/\//.test(v),
    'must be a redis:// or rediss:// URL',
  ),
  REDIS_KEY_PREFIX: z.string().default('supply-graph:'),
};

/** The rate-limit part of the gateway's config object. */
export interface RateLimitSettings {
  /** The platform default, for callers whose client sets no rate of its own. */
  perMinute: number;
  burstSeconds: number;
  /** Shared budgets through this Redis; undefined: in memory. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
}

type RateLimitEnv = z.output<z.ZodObject<typeof rateLimitConfig>>;

/** Maps the parsed variables onto the config object (use in the schema's transform). */
export const rateLimitSettings = (env: RateLimitEnv): RateLimitSettings => ({
  perMinute: env.RATE_LIMIT_PER_MINUTE,
  burstSeconds: env.RATE_LIMIT_BURST_SECONDS,
  redisUrl: env.REDIS_URL,
  redisKeyPrefix: env.REDIS_KEY_PREFIX,
});
