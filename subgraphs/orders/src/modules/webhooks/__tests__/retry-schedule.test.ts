import { DEFAULT_WEBHOOK_SETTINGS } from '../../../config';
import { afterFailure, retryDelayMs, retrySchedule, RETRY_JITTER, type RetryPolicy } from '../retry-schedule';

const policy: RetryPolicy = { baseMs: 30_000, maxMs: 3_600_000, giveUpAfterMs: 86_400_000 };
const never = () => 0;
const MINUTE = 60_000;

describe('webhook retry schedule', () => {
  it('has the documented defaults: 30 s doubling, at most 1 h, given up after 24 h', () => {
    expect(DEFAULT_WEBHOOK_SETTINGS.retry).toEqual(policy);
  });

  it('doubles from the base and stops growing at the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((n) => retryDelayMs(policy, n, never));
    expect(delays).toEqual([0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * MINUTE));
    // No overflow for absurd counts.
    expect(retryDelayMs(policy, 5000, never)).toBe(policy.maxMs);
  });

  it('shortens delays at random by up to the jitter, never lengthens them', () => {
    expect(retryDelayMs(policy, 1, () => 1)).toBe(Math.round(30_000 * (1 - RETRY_JITTER)));
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(policy, 8);
      expect(delay).toBeGreaterThanOrEqual(policy.maxMs * (1 - RETRY_JITTER));
      expect(delay).toBeLessThanOrEqual(policy.maxMs);
    }
  });

  it('retries for 24 hours, then gives up: 30 attempts for a partner that never answers', () => {
    const schedule = retrySchedule(policy);
    expect(schedule.slice(0, 9)).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5, 123.5].map((m) => m * MINUTE));
    expect(schedule).toHaveLength(30);
    const last = schedule[schedule.length - 1];
    expect(last).toBeLessThanOrEqual(policy.giveUpAfterMs);
    expect(last + policy.maxMs).toBeGreaterThan(policy.giveUpAfterMs);
  });

  it('is dead once the next retry would fall after first attempt + give-up period', () => {
    const firstAttemptAt = new Date('2026-11-24T00:00:00Z');
    const at = (ms: number) => new Date(firstAttemptAt.getTime() + ms);
    expect(afterFailure(policy, { firstAttemptAt, failures: 1, now: at(0) }, never)).toEqual({ retryAt: at(30_000) });
    // The next retry (1 h later) would be exactly at the limit: still made.
    expect(afterFailure(policy, { firstAttemptAt, failures: 20, now: at(23 * 60 * MINUTE) }, never)).toEqual({
      retryAt: at(24 * 60 * MINUTE),
    });
    expect(afterFailure(policy, { firstAttemptAt, failures: 20, now: at(23 * 60 * MINUTE + 1) }, never)).toEqual({
      dead: true,
    });
  });

  it('works on a shortened test schedule', () => {
    expect(retrySchedule({ baseMs: 50, maxMs: 200, giveUpAfterMs: 1000 })).toEqual([0, 50, 150, 350, 550, 750, 950]);
  });
});
