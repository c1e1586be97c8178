import { EventTypes, eventsQueued, retryQueuedEvents, type ConsumerEventParked } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { event, retryUntil, startRetryFixture, type RetryFixture } from './retry-support';

describeEachBackend('consumer retry queue: failing events wait, in order, and are parked at last', (backend) => {
  let fx: RetryFixture;
  beforeAll(async () => {
    fx = await startRetryFixture(backend);
  });
  afterAll(() => fx?.close());

  it('retries a failing event, parks it after the last attempt, and holds nothing else up meanwhile', async () => {
    fx.poison.add('p');
    const [p1, a1, p2] = [event('p'), event('a'), event('p')];
    // The bus takes the batch: publishing does not fail, so a relay would mark it published and go on.
    await fx.bus.publish([p1, a1, p2]);
    expect(await fx.handled('a')).toEqual([a1.eventId]);
    expect(await fx.handled('p')).toEqual([]);
    // The later event of the poisoned aggregate waits behind the first, in order.
    expect(await fx.rows('SELECT event_id, attempts, last_error FROM consumer_retry ORDER BY id')).toEqual([
      { event_id: p1.eventId, attempts: 1, last_error: 'integer out of range' },
      { event_id: p2.eventId, attempts: 0, last_error: null },
    ]);

    // Operators see the queue's depth.
    await retryQueuedEvents(fx.deps);
    const queued = (await eventsQueued.get()).values.find(
      (v) => v.labels.service === 'test' && v.labels.consumer === 'test.record',
    );
    expect(queued?.value).toBe(2);

    // Hundreds of later events of other aggregates flow while the poison waits.
    const later = Array.from({ length: 300 }, (_, i) => event(`later-${i}`));
    for (let i = 0; i < later.length; i += 100) await fx.bus.publish(later.slice(i, i + 100));
    expect(await fx.rows("SELECT count(*)::int AS n FROM handled WHERE aggregate_id LIKE 'later-%'")).toEqual([
      { n: 300 },
    ]);

    await retryUntil(
      fx.deps,
      async () => (await fx.rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [p1.eventId])).length > 0,
    );
    const [parked] = await fx.rows('SELECT attempts, error, status FROM consumer_parked WHERE event_id = $1', [
      p1.eventId,
    ]);
    expect(parked).toEqual({ attempts: 3, error: 'integer out of range', status: 'PARKED' });
    expect(
      await fx.rows('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['test.record', p1.eventId]),
    ).toHaveLength(1);
    const [notice] = await fx.rows<{ payload: ConsumerEventParked; aggregate_type: string }>(
      'SELECT payload, aggregate_type FROM outbox WHERE type = $1',
      [EventTypes.consumerEventParked],
    );
    expect(notice.aggregate_type).toBe('parked-event');
    expect(notice.payload).toMatchObject({
      service: 'test',
      consumer: 'test.record',
      eventId: p1.eventId,
      eventType: 'order.placed',
      aggregateType: 'order',
      aggregateId: 'p',
      orderId: 'p',
      error: 'integer out of range',
      attempts: 3,
    });
    // p2 is now the head of its lane; it fails too (same aggregate, same poison) and is parked in turn.
    await retryUntil(fx.deps, async () => (await fx.rows('SELECT 1 FROM consumer_retry')).length === 0);
    expect(await fx.rows('SELECT event_id FROM consumer_parked ORDER BY parked_at')).toEqual([
      { event_id: p1.eventId },
      { event_id: p2.eventId },
    ]);

    // A redelivery of the parked event changes nothing.
    await fx.bus.publish([p1]);
    expect(await fx.rows('SELECT 1 FROM consumer_retry')).toEqual([]);
    expect(await fx.handled('p')).toEqual([]);
  });

  it('an event queued behind a failing one runs right after it succeeds, in order', async () => {
    fx.poison.add('q');
    const [q1, q2, q3] = [event('q'), event('q'), event('q')];
    await fx.bus.publish([q1]);
    await fx.bus.publish([q2, q3]);
    expect(await fx.handled('q')).toEqual([]);
    fx.poison.delete('q');
    await retryUntil(fx.deps, async () => (await fx.handled('q')).length === 3);
    expect(await fx.handled('q')).toEqual([q1.eventId, q2.eventId, q3.eventId]);
    expect(await fx.rows("SELECT 1 FROM consumer_retry WHERE lane = 'order:q'")).toEqual([]);
  });

  it('a lost database connection is retried without counting towards parking; the event is handled once', async () => {
    // More losses than the immediate tries and the parking limit together.
    fx.connectionLosses.set('t', 6);
    const t1 = event('t');
    await fx.bus.publish([t1]);
    const [queued] = await fx.rows<{ attempts: number; transient_failures: number }>(
      'SELECT attempts, transient_failures FROM consumer_retry WHERE event_id = $1',
      [t1.eventId],
    );
    expect(queued).toEqual({ attempts: 0, transient_failures: 1 });
    await retryUntil(fx.deps, async () => (await fx.handled('t')).length > 0);
    expect(await fx.handled('t')).toEqual([t1.eventId]);
    expect(await fx.rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [t1.eventId])).toEqual([]);
    await fx.bus.publish([t1]);
    expect(await fx.handled('t')).toEqual([t1.eventId]);
  });

  it('in a batch, events of an aggregate with one queued wait behind it; the rest of the batch goes on', async () => {
    fx.poison.add('bp');
    const reserved = (id: string) => event(id, 'stock.reserved');
    const [bp1, x1, bp2] = [reserved('bp'), reserved('x'), reserved('bp')];
    await fx.bus.publish([bp1, x1, bp2]);
    expect(await fx.batched('x')).toEqual([x1.eventId]);
    fx.poison.delete('bp');
    // bp is fine now, but bp3 must not overtake bp1 and bp2, which wait in the queue.
    const [bp3, x2] = [reserved('bp'), reserved('x')];
    await fx.bus.publish([bp3, x2]);
    expect(await fx.batched('x')).toEqual([x1.eventId, x2.eventId]);
    expect(await fx.batched('bp')).toEqual([]);
    expect(await fx.rows("SELECT event_id FROM consumer_retry WHERE consumer = 'test.batch' ORDER BY id")).toEqual(
      [bp1, bp2, bp3].map((e) => ({ event_id: e.eventId })),
    );
    await retryUntil(fx.deps, async () => (await fx.batched('bp')).length === 3);
    expect(await fx.batched('bp')).toEqual([bp1.eventId, bp2.eventId, bp3.eventId]);
  });
});
