import { MemoryRateLimiter } from '../memory-rate-limiter';
import { bucketShape } from '../rate-limiter';

/** A limiter on a clock the test moves by hand. */
function limiterAt(start = 1_000_000, burstSeconds = 10) {
  const clock = { now: start };
  const limiter = new MemoryRateLimiter(burstSeconds, () => clock.now);
  return { limiter, clock, advance: (ms: number) => (clock.now += ms) };
}

async function takeMany(limiter: MemoryRateLimiter, key: string, perMinute: number, count: number) {
  const decisions = [];
  for (let i = 0; i < count; i++) decisions.push(await limiter.take(key, perMinute));
  return decisions;
}

describe('MemoryRateLimiter (token bucket)', () => {
  it('lets a quiet caller send its burst at once, then refuses with the time until the next token', async () => {
    const { limiter } = limiterAt();
    // 600/min with 10 s of burst: 100 at once.
    const burst = await takeMany(limiter, 'client-a', 600, 100);
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(burst.map((d) => d.remaining).slice(-3)).toEqual([2, 1, 0]);

    const refused = await limiter.take('client-a', 600);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
  });

  it('refills at the steady rate and never past the burst', async () => {
    const { limiter, advance } = limiterAt();
    await takeMany(limiter, 'client-a', 60, 10); // 60/min: bucket of 10, one token a second
    expect((await limiter.take('client-a', 60)).allowed).toBe(false);

    advance(999);
    expect((await limiter.take('client-a', 60)).allowed).toBe(false);
    advance(1);
    expect((await limiter.take('client-a', 60)).allowed).toBe(true);
    expect((await limiter.take('client-a', 60)).allowed).toBe(false);

    // A long pause fills the bucket to its size, not to a minute's worth.
    advance(10 * 60_000);
    const afterPause = await takeMany(limiter, 'client-a', 60, 11);
    expect(afterPause.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('says how long a slow rate makes the caller wait', async () => {
    const { limiter, advance } = limiterAt();
    await limiter.take('slow', 2); // 2/min: bucket of 1, a token every 30 s
    expect(await limiter.take('slow', 2)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    advance(20_000);
    expect(await limiter.take('slow', 2)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    advance(10_000);
    expect((await limiter.take('slow', 2)).allowed).toBe(true);
  });

  it('keeps one budget per caller', async () => {
    const { limiter } = limiterAt();
    await takeMany(limiter, 'client-a', 60, 10);
    expect((await limiter.take('client-a', 60)).allowed).toBe(false);
    expect((await limiter.take('client-b', 60)).allowed).toBe(true);
    expect((await limiter.take('user:staff-1', 60)).allowed).toBe(true);
  });

  it('gives a caller the rate it is asked for: a client of its own higher or lower rate', async () => {
    const { limiter } = limiterAt();
    expect((await takeMany(limiter, 'default', 600, 101)).filter((d) => d.allowed)).toHaveLength(100);
    expect((await takeMany(limiter, 'partner', 6000, 1001)).filter((d) => d.allowed)).toHaveLength(1000);
    expect((await takeMany(limiter, 'tiny', 6, 2)).filter((d) => d.allowed)).toHaveLength(1);
  });

  it('forgets callers whose bucket has filled up again, so memory follows recent callers', async () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 500; i++) await limiter.take(`caller-${i}`, 600);
    expect(limiter.size).toBe(500);
    advance(60_000); // every bucket full again
    for (let i = 0; i < 500; i++) await limiter.take('busy', 600_000);
    expect(limiter.size).toBe(1);
  });
});

describe('bucketShape', () => {
  it('holds the configured seconds of the rate, at least one request', () => {
    expect(bucketShape(600, 10)).toEqual({ ratePerMs: 600 / 60_000, capacity: 100 });
    expect(bucketShape(6, 1).capacity).toBe(1);
    expect(bucketShape(0, 10)).toEqual(bucketShape(1, 10));
  });
});
