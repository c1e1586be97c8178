import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { eventsQueued } from '../metrics/registry';
import { backgroundWork } from './background-work';
import { EventTypes, type ConsumerEventRetried, type ConsumerRetryRequested } from './catalog';
import type { DomainEvent } from './event';
import type { ConsumerDefinition } from './idempotent-consumer';
import { describeFailure, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { parkedAggregate, recordFailure, type FailureOutcome, type QueuedCounts } from './retry-queue';
import { eventTransaction, transactionCommitted, type EventTransaction } from './transaction';
import { traceConsumer } from '../telemetry/event-spans';

/** A service's consumers and how to reach its database, for the retry job and operator retries. */
export interface RetryDeps {
  dataSource: DataSource;
  service: string;
  consumers: readonly ConsumerDefinition[];
  policy?: RetryPolicy;
  logger?: Logger;
  /** Something was committed (the service nudges its relay). */
  afterCommit(): void;
}

/** Lanes looked at per run; the next run takes the rest. */
const LANES_PER_RUN = 200;

/**
 * One run of the retry job: for each aggregate (lane) whose first queued
 * event is due, tries that event again in the handler's own transaction with
 * its inbox insert; on success the events queued behind it follow at once,
 * in order, until one fails or the lane is empty. A failure goes back into
 * the queue with a longer wait or is parked (see {@link recordFailure}).
 * Replicas of the service share the work: a lane is taken by one at a time
 * (advisory lock), the others skip it. Returns how many events were handled.
 */
export async function retryQueuedEvents(deps: RetryDeps): Promise<number> {
  const byName = new Map(deps.consumers.map((c) => [c.consumer, c]));
  // One cheap look first: an idle service polls with one statement.
  if (!(await reportQueued(deps, [...byName.keys()]))) return 0;
  const heads = (await backgroundWork(
    deps.dataSource,
    (m) =>
      m.query(
        `SELECT r.consumer, r.lane FROM consumer_retry r
         WHERE r.next_attempt_at <= now() AND r.consumer = ANY($1)
           AND NOT EXISTS (
             SELECT 1 FROM consumer_retry p WHERE p.consumer = r.consumer AND p.lane = r.lane AND p.id < r.id
           )
         ORDER BY r.next_attempt_at LIMIT $2`,
        [[...byName.keys()], LANES_PER_RUN],
      ),
    { transaction: false },
  )) as { consumer: string; lane: string }[];
  let handled = 0;
  for (const { consumer, lane } of heads) handled += await drainLane(deps, byName.get(consumer)!, lane);
  return handled;
}

/**
 * Sets the queue depth per consumer as a gauge (events that wait long, in an
 * outage or behind a stuck one, show there) and returns the total.
 */
async function reportQueued(deps: RetryDeps, consumers: string[]): Promise<number> {
  const rows = (await backgroundWork(
    deps.dataSource,
    (m) => m.query('SELECT consumer, count(*)::int AS n FROM consumer_retry GROUP BY consumer'),
    {
      transaction: false,
    },
  )) as { consumer: string; n: number }[];
  const depth = new Map(rows.map((r) => [r.consumer, r.n]));
  for (const consumer of consumers) eventsQueued.set({ service: deps.service, consumer }, depth.get(consumer) ?? 0);
  return rows.reduce((total, r) => total + r.n, 0);
}

async function drainLane(deps: RetryDeps, definition: ConsumerDefinition, lane: string): Promise<number> {
  const scope = { service: deps.service, consumer: definition.consumer, policy: deps.policy ?? DEFAULT_RETRY_POLICY };
  for (let handled = 0; ; handled += 1) {
    let tx: EventTransaction | undefined;
    const outcome = await backgroundWork(
      deps.dataSource,
      async (manager) => {
        const [lock] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [
          `consumer-retry:${definition.consumer}:${lane}`,
        ])) as { ok: boolean }[];
        if (!lock.ok) return null;
        const [head] = (await manager.query(
          `SELECT id, event, attempts, transient_failures FROM consumer_retry
         WHERE consumer = $1 AND lane = $2 AND next_attempt_at <= now()
           AND id = (SELECT min(id) FROM consumer_retry WHERE consumer = $1 AND lane = $2)
         FOR UPDATE`,
          [definition.consumer, lane],
        )) as (QueuedCounts & { id: string; event: DomainEvent })[];
        if (!head) return null;
        tx = eventTransaction(manager, deps.service);
        const attemptTx = tx;
        // A retry continues the trace of the change that wrote the event, as its first delivery did.
        const failure = await traceConsumer(deps.service, definition.consumer, head.event, () =>
          attempt(manager, attemptTx, definition, head.event),
        );
        if (!failure) {
          await manager.query('DELETE FROM consumer_retry WHERE id = $1', [head.id]);
          return 'handled' as const;
        }
        return recordFailure(attemptTx, scope, head.event, failure.error, head);
      },
      { transaction: true },
    );
    if (outcome !== null) deps.afterCommit();
    if (outcome === 'handled') {
      transactionCommitted(tx);
      continue;
    }
    (outcome as FailureOutcome | null)?.report(deps.logger);
    return handled;
  }
}

/**
 * Runs a handler for one event inside a savepoint of the caller's
 * transaction, with its inbox insert: on failure both are undone and the
 * error is returned, the transaction stays usable. An event already in the
 * inbox is not run again. A lost connection still throws (nothing can be
 * recorded then).
 */
async function attempt(
  manager: EntityManager,
  tx: EventTransaction,
  definition: ConsumerDefinition,
  event: DomainEvent,
): Promise<{ error: unknown } | null> {
  await manager.query('SAVEPOINT consumer_attempt');
  try {
    const fresh = (await manager.query(
      'INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
      [definition.consumer, event.eventId, event.type],
    )) as unknown[];
    if (fresh.length) await definition.handle(event, tx);
    await manager.query('RELEASE SAVEPOINT consumer_attempt');
    return null;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT consumer_attempt');
    return { error };
  }
}

/**
 * The consumer through which an operator's `retryParkedEvent` reaches the
 * service that parked the event (every subgraph has one; each takes only the
 * requests naming it): the dead letter's handler runs again in this
 * transaction. Its inbox row, added when the event was parked, is taken out
 * for the run and is back in either way: handled now, or still parked
 * (FAILED_AGAIN, with the new error). The outcome goes out as
 * `consumer.event-retried`, which orders records.
 */
export function parkedRetryConsumer(
  service: string,
  consumers: () => readonly ConsumerDefinition[],
): ConsumerDefinition {
  return {
    consumer: `${service}.parked-retry`,
    types: [EventTypes.consumerRetryRequested],
    batch: false,
    async handle(event, tx) {
      const request = event.payload as ConsumerRetryRequested;
      if (request.service !== service) return;
      const m = tx.manager;
      const [parked] = (await m.query(
        `SELECT event, version FROM consumer_parked
         WHERE consumer = $1 AND event_id = $2 AND status IN ('PARKED', 'FAILED_AGAIN') FOR UPDATE`,
        [request.consumer, request.eventId],
      )) as { event: DomainEvent; version: number }[];
      const definition = consumers().find((c) => c.consumer === request.consumer);
      let error: string | null = null;
      if (!parked || !definition) {
        error = parked ? `${service} has no consumer ${request.consumer}` : 'not parked (already retried, or unknown)';
      } else {
        await m.query('DELETE FROM inbox WHERE consumer = $1 AND event_id = $2', [request.consumer, request.eventId]);
        const failure = await attempt(m, tx, definition, parked.event);
        if (failure) {
          error = describeFailure(failure.error);
          await m.query('INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
            request.consumer,
            request.eventId,
            parked.event.type,
          ]);
        }
        await m.query(
          `UPDATE consumer_parked
           SET status = $3, error = coalesce($4, error),
               attempts = attempts + CASE WHEN $3 = 'FAILED_AGAIN' THEN 1 ELSE 0 END,
               retried_at = now(), version = version + 1
           WHERE consumer = $1 AND event_id = $2`,
          [request.consumer, request.eventId, failure ? 'FAILED_AGAIN' : 'RETRIED', error],
        );
      }
      const payload: ConsumerEventRetried = { ...request, ok: error === null, error, at: new Date().toISOString() };
      await tx.emit({
        type: EventTypes.consumerEventRetried,
        ...parkedAggregate(service, request.consumer, request.eventId),
        aggregateVersion: (parked?.version ?? 0) + 1,
        payload,
      });
    },
  };
}
