/** When failed deliveries are tried again, and when they are given up (ORDERS_WEBHOOK_RETRY_* settings). */
export interface RetryPolicy {
  /** Delay after the first failure; it doubles with every further one. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** A retry that would fall later than this after the first attempt is not made: the delivery is DEAD. */
  giveUpAfterMs: number;
}

/**
 * Delays are shortened at random by up to this fraction: after an outage,
 * the deliveries that failed together do not all come back at one instant.
 * Shortened, never lengthened, so `maxMs` stays a true maximum.
 */
export const RETRY_JITTER = 0.2;

/** The delay after the `failures`-th failed attempt in a row (1 for the first). */
export function retryDelayMs(policy: RetryPolicy, failures: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(failures - 1, 0), policy.maxMs);
  return Math.max(1, Math.round(exponential * (1 - RETRY_JITTER * random())));
}

export type NextStep = { retryAt: Date; dead?: never } | { dead: true; retryAt?: never };

/**
 * What follows a failed attempt: a retry after the backoff, or, when that
 * retry would fall past `firstAttemptAt + giveUpAfterMs`, dead-lettering.
 * `failures` counts the failed attempts since `firstAttemptAt`, this one included.
 */
export function afterFailure(
  policy: RetryPolicy,
  failure: { firstAttemptAt: Date; failures: number; now: Date },
  random: () => number = Math.random,
): NextStep {
  const retryAt = failure.now.getTime() + retryDelayMs(policy, failure.failures, random);
  if (retryAt > failure.firstAttemptAt.getTime() + policy.giveUpAfterMs) return { dead: true };
  return { retryAt: new Date(retryAt) };
}

/**
 * Offsets from the first attempt of every attempt a never-answering partner
 * gets, without jitter and taking no time per attempt (for documentation and
 * tests): `[0, 30000, 90000, ...]` with the defaults.
 */
export function retrySchedule(policy: RetryPolicy): number[] {
  const first = new Date(0);
  const offsets = [0];
  for (let failures = 1; ; failures += 1) {
    const step = afterFailure(
      policy,
      { firstAttemptAt: first, failures, now: new Date(offsets[offsets.length - 1]) },
      () => 0,
    );
    if (step.dead) return offsets;
    offsets.push(step.retryAt.getTime());
  }
}
