import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  closeDataSource,
  consumerRetryMigration,
  createDataSource,
  eventTablesMigration,
  EventTypes,
  eventsQueued,
  idempotent,
  InProcessEventBus,
  initializeDatabase,
  parkedRetryConsumer,
  retryQueuedEvents,
  type ConsumerDefinition,
  type ConsumerEventParked,
  type ConsumerEventRetried,
  type DomainEvent,
  type RetryDeps,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

const logger = pino({ level: 'silent' });
const policy = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 40, pollMs: 0 };

function event(aggregateId: string, type = 'order.placed', payload: unknown = { orderId: aggregateId }): DomainEvent {
  return {
    eventId: randomUUID(),
    type,
    aggregateType: 'order',
    aggregateId,
    aggregateVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    payload,
  };
}

/** Runs the retry job until `done` holds (the job is what the subgraph runs every EVENT_RETRY_POLL_MS). */
async function retryUntil(deps: RetryDeps, done: () => Promise<boolean>, runs = 200): Promise<void> {
  for (let i = 0; i < runs; i += 1) {
    if (await done()) return;
    // A run that lost its connection is logged by the job and simply runs again.
    await retryQueuedEvents(deps).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the retry job did not get there');
}

describeEachBackend('consumer retry queue and parking', (backend) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let bus: InProcessEventBus;
  let deps: RetryDeps;
  /** Aggregates whose events the handler rejects, as a bug or bad data would. */
  const poison = new Set<string>();
  /** Aggregates whose next events lose their database connection (really: the backend is terminated). */
  const connectionLosses = new Map<string, number>();
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await dataSource.query(sql, params)) as T[];
  const handled = async (aggregateId: string) =>
    (
      await rows<{ event_id: string }>('SELECT event_id FROM handled WHERE aggregate_id = $1 ORDER BY seq', [
        aggregateId,
      ])
    ).map((r) => r.event_id);

  const recorder: ConsumerDefinition = {
    consumer: 'test.record',
    types: ['order.placed'],
    batch: false,
    async handle(e, tx) {
      await tx.manager.query('INSERT INTO handled (event_id, aggregate_id) VALUES ($1, $2)', [
        e.eventId,
        e.aggregateId,
      ]);
      const losses = connectionLosses.get(e.aggregateId) ?? 0;
      if (losses > 0) {
        connectionLosses.set(e.aggregateId, losses - 1);
        await tx.manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }
      if (poison.has(e.aggregateId)) await tx.manager.query('SELECT 2147483647::int + $1::int', [1]);
    },
  };

  /** Takes batches: one transaction for many events, one by one when the batch fails. */
  const batcher: ConsumerDefinition = {
    consumer: 'test.batch',
    types: ['stock.reserved'],
    async handle(e, tx) {
      await tx.manager.query('INSERT INTO batched (event_id, aggregate_id) VALUES ($1, $2)', [
        e.eventId,
        e.aggregateId,
      ]);
      if (poison.has(e.aggregateId)) throw new Error(`bad ${e.aggregateId}`);
    },
  };
  /** Fails on every parked-event notice, as orders' list would if its table were broken. */
  const noticeReader: ConsumerDefinition = {
    consumer: 'test.notices',
    types: [EventTypes.consumerEventParked],
    async handle() {
      throw new Error('cannot record notices');
    },
  };
  const batched = async (aggregateId: string) =>
    (
      await rows<{ event_id: string }>('SELECT event_id FROM batched WHERE aggregate_id = $1 ORDER BY seq', [
        aggregateId,
      ])
    ).map((r) => r.event_id);

  beforeAll(async () => {
    db = await createTestDatabase(backend.adminUrl, 'retry');
    dataSource = createDataSource({
      service: 'test',
      url: db.url,
      schema: 'retry_test',
      entities: [],
      logger,
      migrations: [eventTablesMigration(1764100000000), consumerRetryMigration(1764950000000)],
    });
    await initializeDatabase(dataSource, 'retry_test');
    await dataSource.query('CREATE TABLE handled (seq bigserial, event_id uuid NOT NULL, aggregate_id text NOT NULL)');
    await dataSource.query('CREATE TABLE batched (seq bigserial, event_id uuid NOT NULL, aggregate_id text NOT NULL)');
    // One group: every event of a publish reaches the batching consumer as one batch.
    bus = new InProcessEventBus(logger, { concurrency: 1 });
    const consumers = [recorder, batcher, noticeReader];
    deps = { dataSource, service: 'test', consumers, policy, logger, afterCommit: () => undefined };
    for (const c of [...consumers, parkedRetryConsumer('test', () => consumers)]) {
      await bus.subscribe(idempotent(dataSource, 'test', c, () => undefined, deps));
    }
  });

  afterAll(async () => {
    await bus?.close();
    await closeDataSource(dataSource);
    await db?.drop();
  });

  it('retries a failing event, parks it after the last attempt, and holds nothing else up meanwhile', async () => {
    poison.add('p');
    const [p1, a1, p2] = [event('p'), event('a'), event('p')];
    // The bus takes the batch: publishing does not fail, so a relay would mark it published and go on.
    await bus.publish([p1, a1, p2]);
    expect(await handled('a')).toEqual([a1.eventId]);
    expect(await handled('p')).toEqual([]);
    // The later event of the poisoned aggregate waits behind the first, in order.
    expect(await rows('SELECT event_id, attempts, last_error FROM consumer_retry ORDER BY id')).toEqual([
      { event_id: p1.eventId, attempts: 1, last_error: 'integer out of range' },
      { event_id: p2.eventId, attempts: 0, last_error: null },
    ]);

    // Operators see the queue's depth.
    await retryQueuedEvents(deps);
    const queued = (await eventsQueued.get()).values.find(
      (v) => v.labels.service === 'test' && v.labels.consumer === 'test.record',
    );
    expect(queued?.value).toBe(2);

    // Hundreds of later events of other aggregates flow while the poison waits.
    const later = Array.from({ length: 300 }, (_, i) => event(`later-${i}`));
    for (let i = 0; i < later.length; i += 100) await bus.publish(later.slice(i, i + 100));
    expect(await rows("SELECT count(*)::int AS n FROM handled WHERE aggregate_id LIKE 'later-%'")).toEqual([
      { n: 300 },
    ]);

    await retryUntil(
      deps,
      async () => (await rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [p1.eventId])).length > 0,
    );
    const [parked] = await rows('SELECT attempts, error, status FROM consumer_parked WHERE event_id = $1', [
      p1.eventId,
    ]);
    expect(parked).toEqual({ attempts: 3, error: 'integer out of range', status: 'PARKED' });
    expect(
      await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['test.record', p1.eventId]),
    ).toHaveLength(1);
    const [notice] = await rows<{ payload: ConsumerEventParked; aggregate_type: string }>(
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
    await retryUntil(deps, async () => (await rows('SELECT 1 FROM consumer_retry')).length === 0);
    expect(await rows('SELECT event_id FROM consumer_parked ORDER BY parked_at')).toEqual([
      { event_id: p1.eventId },
      { event_id: p2.eventId },
    ]);

    // A redelivery of the parked event changes nothing.
    await bus.publish([p1]);
    expect(await rows('SELECT 1 FROM consumer_retry')).toEqual([]);
    expect(await handled('p')).toEqual([]);
  });

  it('an event queued behind a failing one runs right after it succeeds, in order', async () => {
    poison.add('q');
    const [q1, q2, q3] = [event('q'), event('q'), event('q')];
    await bus.publish([q1]);
    await bus.publish([q2, q3]);
    expect(await handled('q')).toEqual([]);
    poison.delete('q');
    await retryUntil(deps, async () => (await handled('q')).length === 3);
    expect(await handled('q')).toEqual([q1.eventId, q2.eventId, q3.eventId]);
    expect(await rows("SELECT 1 FROM consumer_retry WHERE lane = 'order:q'")).toEqual([]);
  });

  it('a lost database connection is retried without counting towards parking, and the event is handled exactly once', async () => {
    // More losses than the immediate tries and the parking limit together.
    connectionLosses.set('t', 6);
    const t1 = event('t');
    await bus.publish([t1]);
    const [queued] = await rows<{ attempts: number; transient_failures: number }>(
      'SELECT attempts, transient_failures FROM consumer_retry WHERE event_id = $1',
      [t1.eventId],
    );
    expect(queued).toEqual({ attempts: 0, transient_failures: 1 });
    await retryUntil(deps, async () => (await handled('t')).length > 0);
    expect(await handled('t')).toEqual([t1.eventId]);
    expect(await rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [t1.eventId])).toEqual([]);
    await bus.publish([t1]);
    expect(await handled('t')).toEqual([t1.eventId]);
  });

  it('an operator retry runs the parked handler again: FAILED_AGAIN while it still fails, then RETRIED, once', async () => {
    poison.add('r');
    const r1 = event('r');
    await bus.publish([r1]);
    await retryUntil(
      deps,
      async () => (await rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [r1.eventId])).length > 0,
    );
    const request = () =>
      event('retry', EventTypes.consumerRetryRequested, {
        service: 'test',
        consumer: 'test.record',
        eventId: r1.eventId,
      });
    const answers = async () =>
      (
        await rows<{ payload: ConsumerEventRetried }>('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', [
          EventTypes.consumerEventRetried,
        ])
      )
        .map((r) => r.payload)
        .filter((p) => p.eventId === r1.eventId)
        .map(({ ok, error }) => ({ ok, error }));

    await bus.publish([request()]);
    expect(await answers()).toEqual([{ ok: false, error: 'integer out of range' }]);
    expect(await rows('SELECT status, attempts FROM consumer_parked WHERE event_id = $1', [r1.eventId])).toEqual([
      { status: 'FAILED_AGAIN', attempts: 4 },
    ]);

    poison.delete('r');
    await bus.publish([request()]);
    // A request for another service is not ours to answer.
    await bus.publish([
      event('retry', EventTypes.consumerRetryRequested, {
        service: 'other',
        consumer: 'test.record',
        eventId: r1.eventId,
      }),
    ]);
    await bus.publish([request()]);
    expect(await answers()).toEqual([
      { ok: false, error: 'integer out of range' },
      { ok: true, error: null },
      { ok: false, error: 'not parked (already retried, or unknown)' },
    ]);
    expect(await handled('r')).toEqual([r1.eventId]);
    expect(await rows('SELECT status FROM consumer_parked WHERE event_id = $1', [r1.eventId])).toEqual([
      { status: 'RETRIED' },
    ]);
    expect(
      await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['test.record', r1.eventId]),
    ).toHaveLength(1);
  });

  it('in a batch, events of an aggregate with one queued wait behind it while the rest of the batch is handled', async () => {
    poison.add('bp');
    const reserved = (id: string) => event(id, 'stock.reserved');
    const [bp1, x1, bp2] = [reserved('bp'), reserved('x'), reserved('bp')];
    await bus.publish([bp1, x1, bp2]);
    expect(await batched('x')).toEqual([x1.eventId]);
    poison.delete('bp');
    // bp is fine now, but bp3 must not overtake bp1 and bp2, which wait in the queue.
    const [bp3, x2] = [reserved('bp'), reserved('x')];
    await bus.publish([bp3, x2]);
    expect(await batched('x')).toEqual([x1.eventId, x2.eventId]);
    expect(await batched('bp')).toEqual([]);
    expect(await rows("SELECT event_id FROM consumer_retry WHERE consumer = 'test.batch' ORDER BY id")).toEqual(
      [bp1, bp2, bp3].map((e) => ({ event_id: e.eventId })),
    );
    await retryUntil(deps, async () => (await batched('bp')).length === 3);
    expect(await batched('bp')).toEqual([bp1.eventId, bp2.eventId, bp3.eventId]);
  });

  it('a consumer failing on parked-event notices parks them without announcing them again, so nothing loops', async () => {
    const notice = event('n', EventTypes.consumerEventParked, {
      service: 'other',
      consumer: 'other.x',
      eventId: randomUUID(),
    });
    await bus.publish([notice]);
    await retryUntil(
      deps,
      async () => (await rows('SELECT 1 FROM consumer_parked WHERE event_id = $1', [notice.eventId])).length > 0,
    );
    expect(
      await rows("SELECT 1 FROM outbox WHERE type = $1 AND payload->>'eventId' = $2", [
        EventTypes.consumerEventParked,
        notice.eventId,
      ]),
    ).toEqual([]);
  });
});
