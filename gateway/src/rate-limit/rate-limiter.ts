/** What one `take` answers. */
export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until the next request would pass (at least 1); 0 when allowed. */
  retryAfterSeconds: number;
  /** Requests the caller may still send at once (tokens left in its bucket, rounded down). */
  remaining: number;
}

/**
 * A token bucket per caller: it holds at most `capacity` tokens, refills at
 * `perMinute` tokens a minute, and each request takes one. A caller that has
 * been quiet may send a burst of `capacity` at once; past that it gets its
 * steady rate and no more.
 *
 * Implementations: `MemoryRateLimiter` (one gateway), `RedisRateLimiter`
 * (replicas share one budget); `createRateLimiter` picks one.
 */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket, refilled at `perMinute`. Never throws. */
  take(key: string, perMinute: number): Promise<RateDecision>;
  close(): Promise<void>;
}

/** How a bucket for a given rate is shaped. */
export interface BucketShape {
  /** Tokens added per millisecond. */
  ratePerMs: number;
  /** The most tokens the bucket holds: the largest burst. */
  capacity: number;
}

/**
 * The bucket for `perMinute` holds `burstSeconds` of that rate (at least one
 * request), so a client with its own lower rate gets a proportionally smaller
 * burst instead of the platform's. A rate below 1 a minute is taken as 1 a
 * minute: a slow rate, never a bucket that does not refill.
 */
export function bucketShape(perMinute: number, burstSeconds: number): BucketShape {
  const rate = Math.max(1, perMinute);
  return { ratePerMs: rate / 60_000, capacity: Math.max(1, Math.ceil((rate * burstSeconds) / 60)) };
}

/** A bucket's state: its tokens at time `at` (ms). */
export interface BucketState {
  tokens: number;
  at: number;
}

/**
 * One take at `now`: refill for the time passed, then take a token if there
 * is a whole one. The same arithmetic as the Redis script (TAKE_TOKEN_LUA),
 * kept in step with it.
 */
export function takeToken(
  state: BucketState | undefined,
  now: number,
  shape: BucketShape,
): { state: BucketState; decision: RateDecision } {
  const before = state
    ? Math.min(shape.capacity, state.tokens + Math.max(0, now - state.at) * shape.ratePerMs)
    : shape.capacity;
  const allowed = before >= 1;
  const tokens = allowed ? before - 1 : before;
  return {
    state: { tokens, at: now },
    decision: {
      allowed,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / shape.ratePerMs / 1000)),
      remaining: Math.floor(tokens),
    },
  };
}

/** Milliseconds until a bucket in `state` is full again (and can be forgotten: a new one starts full). */
export const msUntilFull = (state: BucketState, shape: BucketShape): number =>
  Math.ceil((shape.capacity - state.tokens) / shape.ratePerMs);
