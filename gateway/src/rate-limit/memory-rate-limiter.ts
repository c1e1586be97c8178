import {
  bucketShape,
  msUntilFull,
  takeToken,
  type BucketState,
  type RateDecision,
  type RateLimiter,
} from './rate-limiter';

/** Sweep forgotten buckets every this many takes, so memory follows the callers active lately. */
const SWEEP_EVERY = 1000;

interface Entry extends BucketState {
  /** When this bucket is full again; past it the entry says nothing a new bucket would not. */
  fullAt: number;
}

/**
 * Token buckets in this process: exact for one gateway; with several replicas
 * each would grant the whole budget (use Redis then). `now` is injectable for
 * tests.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Entry>();
  private takes = 0;

  constructor(
    private readonly burstSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, perMinute: number): Promise<RateDecision> {
    return this.takeNow(key, perMinute);
  }

  /** Synchronous take (the Redis limiter falls back on it during an outage). */
  takeNow(key: string, perMinute: number): RateDecision {
    const now = this.now();
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now);
    const shape = bucketShape(perMinute, this.burstSeconds);
    const { state, decision } = takeToken(this.buckets.get(key), now, shape);
    this.buckets.set(key, { ...state, fullAt: now + msUntilFull(state, shape) });
    return decision;
  }

  /** Buckets currently held (for tests of the sweep). */
  get size(): number {
    return this.buckets.size;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.buckets) if (entry.fullAt <= now) this.buckets.delete(key);
  }
}
