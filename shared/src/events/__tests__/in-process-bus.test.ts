import pino from 'pino';
import { InProcessEventBus, type DomainEvent } from '@supply-graph/shared';

const logger = pino({ level: 'silent' });

function event(type: string, version: number): DomainEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
    type,
    aggregateType: 'order',
    aggregateId: 'o-1',
    aggregateVersion: version,
    occurredAt: new Date(0).toISOString(),
    source: 'test',
    payload: { version },
  };
}

describe('InProcessEventBus', () => {
  it('gives each handler the events of its types once, in publish order', async () => {
    const bus = new InProcessEventBus(logger);
    const placed: number[] = [];
    const all: string[] = [];
    await bus.subscribe({
      consumer: 'a.placed',
      types: ['order.placed'],
      handle: async (e) => void placed.push(e.aggregateVersion),
    });
    await bus.subscribe({
      consumer: 'b.all',
      types: ['order.placed', 'order.cancelled'],
      handle: async (e) => void all.push(`${e.type}#${e.aggregateVersion}`),
    });

    await bus.publish([event('order.placed', 1), event('order.cancelled', 2), event('order.placed', 3)]);
    await bus.publish([event('stock.reserved', 4)]);

    expect(placed).toEqual([1, 3]);
    expect(all).toEqual(['order.placed#1', 'order.cancelled#2', 'order.placed#3']);
  });

  it('rejects the publish when a handler fails, after the other handlers ran, so the relay retries', async () => {
    const bus = new InProcessEventBus(logger);
    const handled: string[] = [];
    await bus.subscribe({
      consumer: 'failing',
      types: ['order.placed'],
      handle: async () => {
        throw new Error('database down');
      },
    });
    await bus.subscribe({
      consumer: 'healthy',
      types: ['order.placed'],
      handle: async (e) => void handled.push(e.eventId),
    });

    const published = event('order.placed', 1);
    await expect(bus.publish([published])).rejects.toThrow(/1 handler\(s\) failed for order.placed/);
    expect(handled).toEqual([published.eventId]);
  });

  it('works on several aggregates at once while keeping each aggregate in order', async () => {
    const bus = new InProcessEventBus(logger, { concurrency: 8 });
    const seen = new Map<string, number[]>();
    let inFlight = 0;
    let maxInFlight = 0;
    await bus.subscribe({
      consumer: 'slow',
      types: ['order.placed'],
      handle: async (e) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        seen.set(e.aggregateId, [...(seen.get(e.aggregateId) ?? []), e.aggregateVersion]);
        inFlight -= 1;
      },
    });
    const events = [];
    for (let version = 1; version <= 5; version += 1) {
      for (let order = 0; order < 20; order += 1)
        events.push({ ...event('order.placed', version), aggregateId: `order-${order}`, aggregateVersion: version });
    }
    await bus.publish(events);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(8);
    for (let order = 0; order < 20; order += 1) expect(seen.get(`order-${order}`)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a second subscription under the same consumer name', async () => {
    const bus = new InProcessEventBus(logger);
    const subscription = {
      consumer: 'inventory.reserve-stock',
      types: ['order.placed'],
      handle: async () => undefined,
    };
    await bus.subscribe(subscription);
    await expect(bus.subscribe(subscription)).rejects.toThrow(/already subscribed/);
  });

  it('tails get events of their types in publish order, also of batches a consumer failed, until stopped', async () => {
    const bus = new InProcessEventBus(logger);
    const tailed: number[] = [];
    const stop = await bus.tail(['order.placed'], (e) => void tailed.push(e.aggregateVersion));
    await bus.subscribe({
      consumer: 'failing',
      types: ['order.cancelled'],
      handle: async () => Promise.reject(new Error('down')),
    });
    await bus
      .publish([event('order.placed', 1), event('order.cancelled', 2), event('order.placed', 3)])
      .catch(() => undefined);
    await stop();
    await bus.publish([event('order.placed', 4)]);
    expect(tailed).toEqual([1, 3]);
  });

  describe('subscribers that take batches', () => {
    const of = (aggregateId: string, version: number): DomainEvent => ({
      ...event('order.placed', version),
      aggregateId,
      eventId: `${aggregateId}-${version}`,
    });

    it('get the events in batches of at most batchSize, each aggregate in order', async () => {
      const bus = new InProcessEventBus(logger, { batchSize: 4 });
      const batches: string[][] = [];
      await bus.subscribe({
        consumer: 'batched',
        types: ['order.placed'],
        handle: async () => {
          throw new Error('handle is not used while batches succeed');
        },
        handleBatch: async (events) => void batches.push(events.map((e) => e.eventId)),
      });
      const events = ['a', 'b', 'c'].flatMap((id) => [1, 2, 3].map((v) => of(id, v)));
      await bus.publish(events);

      expect(batches.flat().sort()).toEqual(events.map((e) => e.eventId).sort());
      expect(batches.every((b) => b.length <= 4)).toBe(true);
      expect(batches.length).toBeLessThan(events.length);
      for (const id of ['a', 'b', 'c']) {
        expect(batches.flat().filter((e) => e.startsWith(id))).toEqual([`${id}-1`, `${id}-2`, `${id}-3`]);
      }
    });

    it('fall back to one event at a time when a batch fails, and a failing aggregate stops there', async () => {
      const bus = new InProcessEventBus(logger, { batchSize: 10, concurrency: 1 });
      const handled: string[] = [];
      await bus.subscribe({
        consumer: 'batched',
        types: ['order.placed'],
        handleBatch: async () => {
          throw new Error('one of them is bad');
        },
        handle: async (e) => {
          if (e.eventId === 'bad-1') throw new Error('bad event');
          handled.push(e.eventId);
        },
      });

      await expect(bus.publish([of('good', 1), of('bad', 1), of('good', 2), of('bad', 2)])).rejects.toThrow(
        /1 handler\(s\) failed/,
      );
      // The good aggregate is not held up; the bad one's later event waits for the redelivery.
      expect(handled).toEqual(['good-1', 'good-2']);
    });
  });
});
