import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  aggregateVersionsMigration,
  closeDataSource,
  consumerRetryMigration,
  createDataSource,
  eventTablesMigration,
  idempotent,
  initializeDatabase,
  nextAggregateVersion,
  serviceEvents,
  type DomainEvent,
  type EventSubscription,
} from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';

const logger = pino({ level: 'silent' });
let counter = 0;

function event(aggregateId: string): DomainEvent {
  counter += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'order.placed',
    aggregateType: 'order',
    aggregateId,
    aggregateVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    payload: { aggregateId },
  };
}

describeEachBackend('idempotent consumers', (backend) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let subscription: EventSubscription;
  let commits = 0;
  const failFor = new Set<string>();
  const rows = async (sql: string) => (await dataSource.query(sql)) as Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTestDatabase(backend.adminUrl, 'idempotent');
    dataSource = createDataSource({
      service: 'test',
      url: db.url,
      schema: 'consumer_test',
      entities: [],
      logger,
      migrations: [
        eventTablesMigration(1764100000000),
        aggregateVersionsMigration(1764600000000),
        consumerRetryMigration(1764950000000),
      ],
    });
    await initializeDatabase(dataSource, 'consumer_test');
    await dataSource.query('CREATE TABLE handled (event_id uuid NOT NULL, aggregate_id text NOT NULL)');
    subscription = idempotent(
      dataSource,
      'test',
      {
        consumer: 'test.record',
        types: ['order.placed'],
        async handle(e, tx) {
          await tx.manager.query('INSERT INTO handled (event_id, aggregate_id) VALUES ($1, $2)', [
            e.eventId,
            e.aggregateId,
          ]);
          if (failFor.has(e.aggregateId)) throw new Error(`cannot handle ${e.aggregateId}`);
          const version = await nextAggregateVersion(tx.manager, 'echo', e.aggregateId);
          await tx.emit({
            type: 'test.echoed',
            aggregateType: 'echo',
            aggregateId: e.aggregateId,
            aggregateVersion: version,
            payload: {},
          });
        },
      },
      () => (commits += 1),
    );
  });

  afterAll(async () => {
    await closeDataSource(dataSource);
    await db?.drop();
  });

  it('handles a batch in one transaction, each event once, even when listed twice or delivered again', async () => {
    const [a, b, c] = [event('a'), event('b'), event('c')];
    await subscription.handleBatch!([a, b, a]);
    await subscription.handle(b);
    await subscription.handleBatch!([b, c]);

    expect(await rows('SELECT aggregate_id FROM handled ORDER BY aggregate_id')).toEqual([
      { aggregate_id: 'a' },
      { aggregate_id: 'b' },
      { aggregate_id: 'c' },
    ]);
    expect(await rows("SELECT count(*)::int AS n FROM outbox WHERE type = 'test.echoed'")).toEqual([{ n: 3 }]);
    expect(await rows("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'test.record'")).toEqual([{ n: 3 }]);
    // Two batches committed something; the lone redelivery of b did not.
    expect(commits).toBe(2);
  });

  it("gives a batch's fresh events, in order and once each, to handleMany when the consumer has one", async () => {
    const given: string[][] = [];
    const many = idempotent(
      dataSource,
      'test',
      {
        consumer: 'test.many',
        types: ['order.placed'],
        handle: () => Promise.reject(new Error('a batch goes to handleMany')),
        async handleMany(events) {
          given.push(events.map((e) => e.aggregateId));
        },
      },
      () => undefined,
    );
    const [a, b, c] = [event('m-a'), event('m-b'), event('m-c')];
    await many.handleBatch!([b, a, b]);
    await many.handleBatch!([a, c]);
    expect(given).toEqual([['m-b', 'm-a'], ['m-c']]);
    expect(await rows("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'test.many'")).toEqual([{ n: 3 }]);
  });

  it('keeps nothing of a batch in which one event fails, so its events can be handled one by one', async () => {
    const before = await rows('SELECT count(*)::int AS n FROM handled');
    const [good, bad] = [event('good'), event('bad')];
    failFor.add('bad');
    await expect(subscription.handleBatch!([good, bad])).rejects.toThrow(/cannot handle bad/);
    expect(await rows('SELECT count(*)::int AS n FROM handled')).toEqual(before);
    expect(
      await rows(`SELECT count(*)::int AS n FROM inbox WHERE event_id IN ('${good.eventId}', '${bad.eventId}')`),
    ).toEqual([{ n: 0 }]);

    await subscription.handle(good);
    // The failing one goes to the retry queue instead of failing the delivery (consumer-retry.test.ts).
    await subscription.handle(bad);
    expect(await rows("SELECT aggregate_id FROM handled WHERE aggregate_id IN ('good', 'bad')")).toEqual([
      { aggregate_id: 'good' },
    ]);
    expect(await rows('SELECT event_id, attempts, last_error FROM consumer_retry')).toEqual([
      { event_id: bad.eventId, attempts: 1, last_error: 'cannot handle bad' },
    ]);
  });

  it("numbers an aggregate's events 1, 2, 3 without counting the outbox", async () => {
    const e = [event('d'), event('d'), event('d')];
    await subscription.handleBatch!(e);
    expect(await rows("SELECT aggregate_version AS v FROM outbox WHERE aggregate_id = 'd' ORDER BY seq")).toEqual([
      { v: 1 },
      { v: 2 },
      { v: 3 },
    ]);
  });

  it('runs afterCommit hooks once the transaction committed: with its writes visible, never after a rollback', async () => {
    const seen: string[] = [];
    const visible = new Map<string, Promise<boolean>>();
    // A hook sees the committed rows from any connection: here it asks a second one.
    const committedFor = (id: string) => {
      seen.push(id);
      visible.set(
        id,
        dataSource.query('SELECT 1 FROM handled WHERE aggregate_id = $1', [id]).then((r: unknown[]) => r.length > 0),
      );
    };
    const hooked = idempotent(
      dataSource,
      'test',
      {
        consumer: 'test.hooked',
        types: ['order.placed'],
        async handle(e, tx) {
          await tx.manager.query('INSERT INTO handled (event_id, aggregate_id) VALUES ($1, $2)', [
            e.eventId,
            e.aggregateId,
          ]);
          tx.afterCommit(() => committedFor(e.aggregateId));
          if (failFor.has(e.aggregateId)) throw new Error(`cannot handle ${e.aggregateId}`);
        },
      },
      () => undefined,
    );
    const [one, failing, b1, b2] = [event('h-one'), event('h-failing'), event('h-b1'), event('h-b2')];
    const failingInBatch = event('h-failing-batch');
    failFor.add('h-failing').add('h-failing-batch');
    await hooked.handle(one);
    await hooked.handle(one); // a duplicate commits nothing of the handler's
    await hooked.handle(failing); // rolled back, queued for retry
    await expect(hooked.handleBatch!([b1, failingInBatch])).rejects.toThrow(/cannot handle h-failing-batch/);
    expect(seen).toEqual(['h-one']);
    await hooked.handleBatch!([b1, b2]);
    expect(seen).toEqual(['h-one', 'h-b1', 'h-b2']);
    expect(await Promise.all(seen.map((id) => visible.get(id)))).toEqual([true, true, true]);

    const events = serviceEvents('test', dataSource, () => undefined);
    await expect(
      events.transaction(async (tx) => {
        tx.afterCommit(() => seen.push('service-rolled-back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await events.transaction(async (tx) => tx.afterCommit(() => seen.push('service-committed')));
    expect(seen.slice(3)).toEqual(['service-committed']);
  });
});
