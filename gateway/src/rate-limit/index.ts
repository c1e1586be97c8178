export {
  bucketShape,
  takeToken,
  type BucketShape,
  type BucketState,
  type RateDecision,
  type RateLimiter,
} from './rate-limiter';
export { MemoryRateLimiter } from './memory-rate-limiter';
export { RedisRateLimiter, TAKE_TOKEN_LUA, type RedisRateLimiterOptions } from './redis-rate-limiter';
export { createRateLimiter } from './create-rate-limiter';
export { rateLimitConfig, rateLimitSettings, type RateLimitSettings } from './rate-limit.config';
export { rateLimit, rateLimitSubscribe, type RateLimitCaller } from './rate-limit.plugin';
