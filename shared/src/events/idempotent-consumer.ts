import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from './event';
import { eventHandlingLag } from '../metrics/registry';
import { backgroundWork } from './background-work';
import type { EventSubscription } from './event-bus';
import { traceConsumer, traceConsumerBatch } from '../telemetry/event-spans';
import { DEFAULT_RETRY_POLICY, isTransientFailure, laneOfEvent, type RetryPolicy } from './retry-policy';
import { queueBehind, recordFailure } from './retry-queue';
import { eventTransaction, transactionCommitted, type EventTransaction } from './transaction';

/** A subgraph's reaction to events of other services. */
export interface ConsumerDefinition {
  /** Durable name, unique per purpose, e.g. `inventory.allocate`. */
  consumer: string;
  types: readonly string[];
  /** Runs inside the consumer's transaction; write with `tx.manager`, emit follow-up events with `tx.emit`. */
  handle(event: DomainEvent, tx: EventTransaction): Promise<void>;
  /**
   * Optional: handles a batch's fresh events (in the order given) at once, in place of `handle` per event, for
   * handlers whose writes one statement can carry for many events (the audit trail's rows). `handle` still serves
   * single deliveries and retries; both must write the same.
   */
  handleMany?(events: readonly DomainEvent[], tx: EventTransaction): Promise<void>;
  /**
   * false: always one event per transaction. For handlers that lock rows many
   * events contend for (stock): a batch would hold those locks until its last
   * event and make the other transactions wait. Default true.
   */
  batch?: boolean;
}

/**
 * How long a batch transaction waits for a row lock before giving up. A batch
 * holds the locks of many aggregates, so two batches of different consumers
 * can wait on each other; instead of waiting for PostgreSQL's deadlock
 * detector (1 s), the batch fails fast and the bus retries its events one by one.
 */
export const BATCH_LOCK_TIMEOUT_MS = 200;

/** What the wrapper needs besides the handler; all optional, with the defaults of the config. */
export interface ConsumerOptions {
  policy?: RetryPolicy;
  /** Where failures and parked events are reported. */
  logger?: Logger;
}

/** A deadlock or lock timeout on first delivery is tried again at once this often before the event is queued. */
const IMMEDIATE_TRIES = 3;

/**
 * Wraps a handler so that a redelivered event changes nothing: the event id
 * goes into the inbox in the same transaction as the handler's writes, so
 * either both commit or neither does. `afterCommit` runs once the handler's
 * transaction committed (the service nudges its relay there).
 *
 * A failing event never holds up the bus: its failure is recorded in the
 * service's retry queue (`consumer_retry`) and the wrapper reports success,
 * so the bus and the relay move on. Later events of the same aggregate for
 * this consumer go into the queue behind it, so an aggregate's events keep
 * their order; `retryQueuedEvents` (a periodic job of every subgraph) tries
 * them again with backoff and parks an event after `maxAttempts` failures
 * (see {@link RetryPolicy}). Only when even the failure cannot be recorded
 * (PostgreSQL unreachable) does `handle` throw, and the bus delivers the
 * event again later.
 *
 * `handleBatch` does the same for several events in one transaction: one
 * BEGIN, one inbox insert and one COMMIT for the lot instead of per event,
 * which is most of a consumer's statements. The handlers run one after the
 * other in the order given, so an aggregate's events keep their order. If
 * anything in the batch fails, nothing of it is kept and the caller falls back
 * to `handle` per event.
 */
export function idempotent(
  dataSource: DataSource,
  service: string,
  definition: ConsumerDefinition,
  afterCommit: () => void,
  options: ConsumerOptions = {},
): EventSubscription {
  const { consumer } = definition;
  const scope = { service, consumer, policy: options.policy ?? DEFAULT_RETRY_POLICY };
  // Bound once: prom-client hashes a label object on every observe it is given.
  const lag = eventHandlingLag.labels({ service, consumer });
  const observeLag = (event: DomainEvent, now: number) => {
    const written = Date.parse(event.occurredAt);
    if (Number.isFinite(written)) lag.observe(Math.max(0, now - written) / 1000);
  };
  const subscription: EventSubscription = {
    consumer,
    types: definition.types,
    async handle(event: DomainEvent) {
      observeLag(event, Date.now());
      let failure: unknown;
      for (let attempt = 1; attempt <= IMMEDIATE_TRIES; attempt += 1) {
        try {
          let tx: EventTransaction | undefined;
          const outcome = await backgroundWork(
            dataSource,
            (manager) => {
              tx = eventTransaction(manager, service);
              return deliverOnce(tx, definition, event);
            },
            { transaction: true },
          );
          if (outcome === 'handled') {
            afterCommit();
            transactionCommitted(tx);
          }
          return;
        } catch (err) {
          failure = err;
          if (!isTransientFailure(err)) break;
        }
      }
      // Recorded in a transaction of its own: the handler's was rolled back.
      const outcome = await backgroundWork(
        dataSource,
        (manager) => recordFailure(eventTransaction(manager, service), scope, event, failure, null),
        { transaction: true },
      );
      outcome.report(options.logger);
      if (outcome.parked) afterCommit();
    },
    async handleBatch(events: readonly DomainEvent[]) {
      const now = Date.now();
      for (const event of events) observeLag(event, now);
      let tx: EventTransaction | undefined;
      const handled = await backgroundWork(
        dataSource,
        async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '${BATCH_LOCK_TIMEOUT_MS}ms'`);
          // Events of an aggregate that has one waiting in the retry queue are not taken here.
          const inserted = (await manager.query(
            `INSERT INTO inbox (consumer, event_id, type)
           SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[], $4::text[]) AS e(id, type, lane)
           WHERE NOT EXISTS (SELECT 1 FROM consumer_retry r WHERE r.consumer = $1 AND r.lane = e.lane)
           ON CONFLICT DO NOTHING RETURNING event_id`,
            [consumer, events.map((e) => e.eventId), events.map((e) => e.type), events.map(laneOfEvent)],
          )) as { event_id: string }[];
          // A set, and deleted when used: an event listed twice in one batch runs once.
          const fresh = new Set(inserted.map((r) => r.event_id));
          if (fresh.size < new Set(events.map((e) => e.eventId)).size) {
            await queueBehind(
              manager,
              consumer,
              events.filter((e) => !fresh.has(e.eventId)),
            );
          }
          const batchTx = eventTransaction(manager, service);
          tx = batchTx;
          const taken = events.filter((event) => fresh.delete(event.eventId));
          if (definition.handleMany) await definition.handleMany(taken, batchTx);
          else for (const event of taken) await definition.handle(event, batchTx);
          return inserted.length > 0;
        },
        { transaction: true },
      );
      if (handled) {
        afterCommit();
        transactionCommitted(tx);
      }
    },
  };
  if (definition.batch === false) delete subscription.handleBatch;
  // Each delivery in a span of the consumer: a child of the event's writer, or for a batch linked to each writer.
  const { handle, handleBatch } = subscription;
  subscription.handle = (event) => traceConsumer(service, consumer, event, () => handle(event));
  if (handleBatch)
    subscription.handleBatch = (events) => traceConsumerBatch(service, consumer, events, () => handleBatch(events));
  return subscription;
}

/**
 * One event, first delivery: handled (inbox row and the handler's writes),
 * queued behind an earlier event of its aggregate, or a duplicate. One
 * statement more than the handler's own only when it is not handled.
 */
async function deliverOnce(
  tx: EventTransaction,
  definition: ConsumerDefinition,
  event: DomainEvent,
): Promise<'handled' | 'queued' | 'duplicate'> {
  const { manager } = tx;
  const fresh = (await manager.query(
    `INSERT INTO inbox (consumer, event_id, type)
     SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM consumer_retry WHERE consumer = $1 AND lane = $4)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [definition.consumer, event.eventId, event.type, laneOfEvent(event)],
  )) as unknown[];
  if (fresh.length) {
    await definition.handle(event, tx);
    return 'handled';
  }
  return (await queueBehind(manager, definition.consumer, [event])) ? 'queued' : 'duplicate';
}
