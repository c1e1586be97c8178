import { randomUUID } from 'node:crypto';
import { EventTypes, type ConsumerEventRetried } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { event, retryUntil, startRetryFixture, type RetryFixture } from './retry-support';

describeEachBackend('parked events: operator retries and parking notices', (backend) => {
  let fx: RetryFixture;
  beforeAll(async () => {
    fx = await startRetryFixture(backend);
  });
  afterAll(() => fx?.close());

  it('an operator retry runs the parked handler again: FAILED_AGAIN while it fails, then RETRIED, once', async () => {
    fx.poison.add('r');
    const r1 = event('r');
    await fx.bus.publish([r1]);
    await retryUntil(
      fx.deps,
      async () => (await fx.rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [r1.eventId])).length > 0,
    );
    const request = () =>
      event('retry', EventTypes.consumerRetryRequested, {
        service: 'test',
        consumer: 'test.record',
        eventId: r1.eventId,
      });
    const answers = async () =>
      (
        await fx.rows<{ payload: ConsumerEventRetried }>('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', [
          EventTypes.consumerEventRetried,
        ])
      )
        .map((r) => r.payload)
        .filter((p) => p.eventId === r1.eventId)
        .map(({ ok, error }) => ({ ok, error }));

    await fx.bus.publish([request()]);
    expect(await answers()).toEqual([{ ok: false, error: 'integer out of range' }]);
    expect(await fx.rows('SELECT status, attempts FROM consumer_parked WHERE event_id = $1', [r1.eventId])).toEqual([
      { status: 'FAILED_AGAIN', attempts: 4 },
    ]);

    fx.poison.delete('r');
    await fx.bus.publish([request()]);
    // A request for another service is not ours to answer.
    await fx.bus.publish([
      event('retry', EventTypes.consumerRetryRequested, {
        service: 'other',
        consumer: 'test.record',
        eventId: r1.eventId,
      }),
    ]);
    await fx.bus.publish([request()]);
    expect(await answers()).toEqual([
      { ok: false, error: 'integer out of range' },
      { ok: true, error: null },
      { ok: false, error: 'not parked (already retried, or unknown)' },
    ]);
    expect(await fx.handled('r')).toEqual([r1.eventId]);
    expect(await fx.rows('SELECT status FROM consumer_parked WHERE event_id = $1', [r1.eventId])).toEqual([
      { status: 'RETRIED' },
    ]);
    expect(
      await fx.rows('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['test.record', r1.eventId]),
    ).toHaveLength(1);
  });

  it('a consumer failing on parked-event notices parks them without announcing them again: no loop', async () => {
    const notice = event('n', EventTypes.consumerEventParked, {
      service: 'other',
      consumer: 'other.x',
      eventId: randomUUID(),
    });
    await fx.bus.publish([notice]);
    await retryUntil(
      fx.deps,
      async () => (await fx.rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [notice.eventId])).length > 0,
    );
    expect(
      await fx.rows("SELECT 1 FROM outbox WHERE type = $1 AND payload->>'eventId' = $2", [
        EventTypes.consumerEventParked,
        notice.eventId,
      ]),
    ).toEqual([]);
  });
});
