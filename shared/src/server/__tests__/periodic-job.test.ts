import { startPeriodicJob } from '../jobs';

type JobLog = { error(obj: object, msg: string): void; info(obj: object, msg: string): void };

const silentLog = (): JobLog & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return { errors, info: () => undefined, error: (obj) => void errors.push(obj) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startPeriodicJob', () => {
  it('runs every interval, the first after one interval, until stopped', async () => {
    let runs = 0;
    const job = startPeriodicJob({ name: 't', intervalMs: 20, log: silentLog(), run: async () => void (runs += 1) });
    expect(runs).toBe(0);
    await sleep(110);
    await job.stop();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(2);
    await sleep(60);
    expect(runs).toBe(after);
  });

  it('never overlaps two runs, and stop waits for the run in progress', async () => {
    let active = 0;
    let maxActive = 0;
    let finished = 0;
    const job = startPeriodicJob({
      name: 't',
      intervalMs: 5,
      log: silentLog(),
      run: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(30);
        active -= 1;
        finished += 1;
      },
    });
    await sleep(50);
    await job.stop();
    expect(active).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
    expect(maxActive).toBe(1);
  });

  it('logs a failed run and carries on', async () => {
    const log = silentLog();
    let runs = 0;
    const job = startPeriodicJob({
      name: 'flaky',
      intervalMs: 10,
      log,
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database away');
      },
    });
    await sleep(80);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(log.errors).toEqual([
      expect.objectContaining({ job: 'flaky', err: expect.objectContaining({ message: 'database away' }) }),
    ]);
  });

  it('does nothing when the interval is 0', async () => {
    let runs = 0;
    const job = startPeriodicJob({ name: 't', intervalMs: 0, log: silentLog(), run: async () => void (runs += 1) });
    await sleep(30);
    await job.stop();
    expect(runs).toBe(0);
  });
});
