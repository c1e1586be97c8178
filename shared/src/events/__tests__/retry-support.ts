import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  closeDataSource,
  consumerRetryMigration,
  createDataSource,
  eventTablesMigration,
  EventTypes,
  idempotent,
  InProcessEventBus,
  initializeDatabase,
  parkedRetryConsumer,
  retryQueuedEvents,
  type ConsumerDefinition,
  type DomainEvent,
  type RetryDeps,
} from '@supply-graph/shared';
import { createTestDatabase, type TestBackend } from '@supply-graph/shared/testing';

const logger = pino({ level: 'silent' });
const policy = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 40, pollMs: 0 };

export function event(
  aggregateId: string,
  type = 'order.placed',
  payload: unknown = { orderId: aggregateId },
): DomainEvent {
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
export async function retryUntil(deps: RetryDeps, done: () => Promise<boolean>, runs = 200): Promise<void> {
  for (let i = 0; i < runs; i += 1) {
    if (await done()) return;
    // A run that lost its connection is logged by the job and simply runs again.
    await retryQueuedEvents(deps).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the retry job did not get there');
}

/**
 * A migrated database with the event tables, an in-process bus, and three test consumers subscribed
 * through the idempotent wrapper with the retry queue: `test.record` (order.placed, one at a time),
 * `test.batch` (stock.reserved, in batches) and `test.notices` (fails on every parked-event notice),
 * plus the operator-retry consumer.
 */
export interface RetryFixture {
  dataSource: DataSource;
  bus: InProcessEventBus;
  deps: RetryDeps;
  /** Aggregates whose events the handlers reject, as a bug or bad data would. */
  poison: Set<string>;
  /** Aggregates whose next events lose their database connection (really: the backend is terminated). */
  connectionLosses: Map<string, number>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Event ids `test.record` handled for an aggregate, in order. */
  handled(aggregateId: string): Promise<string[]>;
  /** Event ids `test.batch` handled for an aggregate, in order. */
  batched(aggregateId: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startRetryFixture(backend: TestBackend): Promise<RetryFixture> {
  const poison = new Set<string>();
  const connectionLosses = new Map<string, number>();

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

  const db = await createTestDatabase(backend.adminUrl, 'retry');
  const dataSource = createDataSource({
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
  const bus = new InProcessEventBus(logger, { concurrency: 1 });
  const consumers = [recorder, batcher, noticeReader];
  const deps: RetryDeps = { dataSource, service: 'test', consumers, policy, logger, afterCommit: () => undefined };
  for (const c of [...consumers, parkedRetryConsumer('test', () => consumers)]) {
    await bus.subscribe(idempotent(dataSource, 'test', c, () => undefined, deps));
  }
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await dataSource.query(sql, params)) as T[];
  const idsIn = async (table: 'handled' | 'batched', aggregateId: string) =>
    (
      await rows<{ event_id: string }>(`SELECT event_id FROM ${table} WHERE aggregate_id = $1 ORDER BY seq`, [
        aggregateId,
      ])
    ).map((r) => r.event_id);
  return {
    dataSource,
    bus,
    deps,
    poison,
    connectionLosses,
    rows,
    handled: (aggregateId) => idsIn('handled', aggregateId),
    batched: (aggregateId) => idsIn('batched', aggregateId),
    async close() {
      await bus.close();
      await closeDataSource(dataSource);
      await db.drop();
    },
  };
}
