import type { Logger } from 'pino';
import { eventFailures, eventsParked } from '../metrics/registry';
import { EventTypes, type ConsumerEventParked } from './catalog';
import type { DomainEvent } from './event';
import type { SqlExecutor } from './outbox';
import {
  describeFailure,
  isTransientFailure,
  laneOfEvent,
  orderIdOf,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy';
import type { EventTransaction } from './transaction';

/** Who failed: a consumer of a service, under a retry policy. */
export interface FailureScope {
  service: string;
  consumer: string;
  policy: RetryPolicy;
}

/** What became of a failed event; `report` logs and counts it once its transaction committed. */
export interface FailureOutcome {
  parked: boolean;
  attempts: number;
  error: string;
  report(log: Logger | undefined): void;
}

/** The counters a queued event carries; none for an event failing for the first time. */
export interface QueuedCounts {
  attempts: number;
  transient_failures: number;
}

/**
 * Inserts events into the retry queue behind an earlier event of their
 * aggregate, in the order given, unless already handled or queued. Returns
 * how many were queued.
 */
export async function queueBehind(db: SqlExecutor, consumer: string, events: readonly DomainEvent[]): Promise<number> {
  if (!events.length) return 0;
  const rows = (await db.query(
    `INSERT INTO consumer_retry (consumer, event_id, lane, event)
     SELECT $1, e.id, e.lane, e.event
     FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS e(id, lane, event, n)
     WHERE EXISTS (SELECT 1 FROM consumer_retry r WHERE r.consumer = $1 AND r.lane = e.lane)
       AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.consumer = $1 AND i.event_id = e.id)
     ORDER BY e.n
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING 1`,
    [consumer, events.map((e) => e.eventId), events.map(laneOfEvent), events.map((e) => JSON.stringify(e))],
  )) as unknown[];
  return rows.length;
}

/**
 * Records that the handler failed on `event`, inside the caller's
 * transaction (whose own work for the event was rolled back): the event goes
 * (back) into the retry queue with its next try after the backoff, or, after
 * `maxAttempts` failures of the handler, is parked. Infrastructure failures
 * never park.
 */
export async function recordFailure(
  tx: EventTransaction,
  scope: FailureScope,
  event: DomainEvent,
  err: unknown,
  current: QueuedCounts | null,
): Promise<FailureOutcome> {
  const transient = isTransientFailure(err);
  const error = describeFailure(err);
  const attempts = (current?.attempts ?? 0) + (transient ? 0 : 1);
  const transientFailures = (current?.transient_failures ?? 0) + (transient ? 1 : 0);
  const kind = transient ? 'transient' : 'error';
  const context = {
    service: scope.service,
    consumer: scope.consumer,
    eventId: event.eventId,
    type: event.type,
    aggregateId: event.aggregateId,
  };
  if (!transient && attempts >= scope.policy.maxAttempts) {
    await park(tx, scope, event, error, attempts);
    return {
      parked: true,
      attempts,
      error,
      report(log) {
        eventFailures.inc({ service: scope.service, consumer: scope.consumer, kind });
        eventsParked.inc({ service: scope.service, consumer: scope.consumer });
        log?.error(
          { ...context, attempts, error },
          `event parked after ${attempts} failed attempt(s); retry it with retryParkedEvent`,
        );
      },
    };
  }
  const delayMs = retryDelayMs(scope.policy, attempts + transientFailures);
  await tx.manager.query(
    `INSERT INTO consumer_retry
       (consumer, event_id, lane, event, attempts, transient_failures, last_error, next_attempt_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8::double precision / 1000)
     WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2)
     ON CONFLICT (consumer, event_id) DO UPDATE
       SET attempts = EXCLUDED.attempts, transient_failures = EXCLUDED.transient_failures,
           last_error = EXCLUDED.last_error, next_attempt_at = EXCLUDED.next_attempt_at`,
    [
      scope.consumer,
      event.eventId,
      laneOfEvent(event),
      JSON.stringify(event),
      attempts,
      transientFailures,
      error,
      delayMs,
    ],
  );
  return {
    parked: false,
    attempts,
    error,
    report(log) {
      eventFailures.inc({ service: scope.service, consumer: scope.consumer, kind });
      log?.warn(
        { ...context, attempts, transientFailures, retryInMs: delayMs, error },
        'event handler failed; queued for retry',
      );
    },
  };
}

/**
 * Gives up on an event: a dead letter with the error and the attempts, the
 * event id in the inbox (a redelivery changes nothing), out of the queue (the
 * events waiting behind it go on), and `consumer.event-parked` through the
 * outbox so orders lists it and holds the order. Parking a parked-event
 * notice announces nothing, so a consumer failing on those cannot loop.
 */
export async function park(
  tx: EventTransaction,
  scope: FailureScope,
  event: DomainEvent,
  error: string,
  attempts: number,
): Promise<void> {
  const m = tx.manager;
  const [row] = (await m.query(
    `INSERT INTO consumer_parked (consumer, event_id, event, error, attempts) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (consumer, event_id) DO UPDATE
       SET event = EXCLUDED.event, error = EXCLUDED.error, attempts = consumer_parked.attempts + EXCLUDED.attempts,
           status = 'PARKED', parked_at = now(), version = consumer_parked.version + 1
     RETURNING version, attempts, parked_at`,
    [scope.consumer, event.eventId, JSON.stringify(event), error, attempts],
  )) as { version: number; attempts: number; parked_at: Date }[];
  await m.query('INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    scope.consumer,
    event.eventId,
    event.type,
  ]);
  await m.query('DELETE FROM consumer_retry WHERE consumer = $1 AND event_id = $2', [scope.consumer, event.eventId]);
  if (event.type === EventTypes.consumerEventParked) return;
  const payload: ConsumerEventParked = {
    service: scope.service,
    consumer: scope.consumer,
    eventId: event.eventId,
    eventType: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    orderId: orderIdOf(event),
    error,
    attempts: row.attempts,
    parkedAt: new Date(row.parked_at).toISOString(),
  };
  await tx.emit({
    type: EventTypes.consumerEventParked,
    ...parkedAggregate(scope.service, scope.consumer, event.eventId),
    aggregateVersion: row.version,
    payload,
  });
}

/** The aggregate of a parked event's notices: one per (service, consumer, event). */
export const parkedAggregate = (service: string, consumer: string, eventId: string) => ({
  aggregateType: 'parked-event',
  aggregateId: `${service}/${consumer}/${eventId}`,
});
