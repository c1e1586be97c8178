import { mapBounded } from '../batch-intake.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapBounded', () => {
  it('runs at most `limit` items at once and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const items = Array.from({ length: 30 }, (_, i) => i);
    // Later items finish first, so results arriving out of order must still land in place.
    const results = await mapBounded(items, 8, async (item, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep((30 - item) % 7);
      inFlight--;
      return `${item}@${index}`;
    });
    expect(peak).toBe(8);
    expect(results).toEqual(items.map((i) => `${i}@${i}`));
  });

  it('starts nothing new after a failure, lets items in flight finish, then throws the failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapBounded(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (item) => {
        started.push(item);
        await sleep(item === 1 ? 1 : 10);
        if (item === 1) throw new Error('peer down');
        finished.push(item);
        return item;
      },
    );
    await expect(run).rejects.toThrow('peer down');
    expect(started).toEqual([0, 1, 2, 3]);
    expect(finished.sort()).toEqual([0, 2, 3]);
  });

  it('handles an empty list and a limit above the item count', async () => {
    await expect(mapBounded([], 8, async () => 1)).resolves.toEqual([]);
    await expect(mapBounded([1, 2], 8, async (x) => x * 2)).resolves.toEqual([2, 4]);
  });
});
