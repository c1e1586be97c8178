import { InProcessEventBus, EventTypes, type DomainEvent } from '@supply-graph/shared';
import { memoryLogger } from '@supply-graph/shared/testing';
import { EntityCache, cacheAccessKey } from '../entity-cache';

const changed = (subgraph: string, n: number): DomainEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: EventTypes.entityChanged,
  aggregateType: 'subgraph',
  aggregateId: subgraph,
  aggregateVersion: 0,
  occurredAt: new Date().toISOString(),
  source: subgraph,
  payload: { subgraph, table: 'stock_level' },
  position: String(n),
});

describe('the entity cache', () => {
  const { logger } = memoryLogger();
  let bus: InProcessEventBus;
  let cache: EntityCache;

  beforeEach(async () => {
    bus = new InProcessEventBus(logger);
    cache = new EntityCache({ maxBytes: 1024 * 1024 }, logger);
    await cache.follow(bus);
  });
  afterEach(async () => {
    await cache.stop();
    await bus.close();
  });

  it("keeps an answer until its subgraph's change event, and only that subgraph's", async () => {
    cache.set('inventory', 'k', '{"available":3}', cache.generation('inventory'));
    cache.set('logistics', 'k', '{"status":"SHIPPED"}', cache.generation('logistics'));
    expect(cache.get('inventory', 'k')).toBe('{"available":3}');
    await bus.publish([changed('inventory', 1)]);
    expect(cache.get('inventory', 'k')).toBeUndefined();
    expect(cache.get('logistics', 'k')).toBe('{"status":"SHIPPED"}');
  });

  it('never stores an answer fetched before a change that arrived while it was on its way', async () => {
    const started = cache.generation('inventory');
    await bus.publish([changed('inventory', 2)]);
    cache.set('inventory', 'k', '{"available":3}', started);
    expect(cache.get('inventory', 'k')).toBeUndefined();
    cache.set('inventory', 'k', '{"available":4}', cache.generation('inventory'));
    expect(cache.get('inventory', 'k')).toBe('{"available":4}');
  });

  it('keeps nothing once it no longer hears the change events', async () => {
    await cache.stop();
    cache.set('inventory', 'k', '{}', cache.generation('inventory'));
    expect(cache.get('inventory', 'k')).toBeUndefined();
  });

  it('stays within its memory bound, dropping the least recently used', async () => {
    const small = new EntityCache({ maxBytes: 1000 });
    await small.follow(bus);
    const text = 'x'.repeat(100);
    for (let i = 0; i < 20; i++) small.set('orders', `k${i}`, text, 0);
    expect(small.get('orders', 'k0')).toBeUndefined();
    expect(small.get('orders', 'k19')).toBe(text);
    await small.stop();
  });

  it('drops an entry past its maximum age, should a change event have been lost', async () => {
    const short = new EntityCache({ maxBytes: 1000, maxAgeMs: 50 });
    await short.follow(bus);
    short.set('orders', 'k', '{}', 0);
    expect(short.get('orders', 'k')).toBe('{}');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(short.get('orders', 'k')).toBeUndefined();
    await short.stop();
  });

  it('keys access by every claim a subgraph answers by', () => {
    const base = { sub: 'ops-1', kind: 'user' as const, scopes: new Set(['orders:read', 'pii:read']), channels: null };
    const key = cacheAccessKey(base);
    expect(cacheAccessKey({ ...base, scopes: new Set(['pii:read', 'orders:read']) })).toBe(key);
    expect(cacheAccessKey({ ...base, sub: 'ops-2' })).not.toBe(key);
    expect(cacheAccessKey({ ...base, kind: 'client' })).not.toBe(key);
    expect(cacheAccessKey({ ...base, scopes: new Set(['orders:read']) })).not.toBe(key);
    expect(cacheAccessKey({ ...base, channels: ['tmall'] })).not.toBe(key);
  });
});
