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
    await bus.subscribe({ consumer: 'a.placed', types: ['order.placed'], handle: async (e) => void placed.push(e.aggregateVersion) });
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
    await bus.subscribe({ consumer: 'healthy', types: ['order.placed'], handle: async (e) => void handled.push(e.eventId) });

    const published = event('order.placed', 1);
    await expect(bus.publish([published])).rejects.toThrow(/1 handler\(s\) failed for order.placed/);
    expect(handled).toEqual([published.eventId]);
  });

  it('refuses a second subscription under the same consumer name', async () => {
    const bus = new InProcessEventBus(logger);
    const subscription = { consumer: 'inventory.reserve-stock', types: ['order.placed'], handle: async () => undefined };
    await bus.subscribe(subscription);
    await expect(bus.subscribe(subscription)).rejects.toThrow(/already subscribed/);
  });
});
