import type { DataSource } from 'typeorm';
import type { DomainEvent } from './event';
import { backgroundWork } from './background-work';
import type { EventSubscription } from './event-bus';
import { eventTransaction, type EventTransaction } from './transaction';

/** A subgraph's reaction to events of other services. */
export interface ConsumerDefinition {
  /** Durable name, unique per purpose, e.g. `inventory.allocate`. */
  consumer: string;
  types: readonly string[];
  /** Runs inside the consumer's transaction; write with `tx.manager`, emit follow-up events with `tx.emit`. */
  handle(event: DomainEvent, tx: EventTransaction): Promise<void>;
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

/**
 * Wraps a handler so that a redelivered event changes nothing: the event id
 * goes into the inbox in the same transaction as the handler's writes, so
 * either both commit or neither does. `afterCommit` runs once the handler's
 * transaction committed (the service nudges its relay there).
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
): EventSubscription {
  const subscription: EventSubscription = {
    consumer: definition.consumer,
    types: definition.types,
    async handle(event: DomainEvent) {
      const handled = await backgroundWork(dataSource, async (manager) => {
        const fresh = (await manager.query(
          'INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
          [definition.consumer, event.eventId, event.type],
        )) as unknown[];
        if (!fresh.length) return false;
        await definition.handle(event, eventTransaction(manager, service));
        return true;
      }, { transaction: true });
      if (handled) afterCommit();
    },
    async handleBatch(events: readonly DomainEvent[]) {
      const handled = await backgroundWork(dataSource, async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '${BATCH_LOCK_TIMEOUT_MS}ms'`);
        const inserted = (await manager.query(
          `INSERT INTO inbox (consumer, event_id, type)
           SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [definition.consumer, events.map((e) => e.eventId), events.map((e) => e.type)],
        )) as { event_id: string }[];
        // A set, and deleted when used: an event listed twice in one batch runs once.
        const fresh = new Set(inserted.map((r) => r.event_id));
        const tx = eventTransaction(manager, service);
        for (const event of events) {
          if (fresh.delete(event.eventId)) await definition.handle(event, tx);
        }
        return inserted.length > 0;
      }, { transaction: true });
      if (handled) afterCommit();
    },
  };
  if (definition.batch === false) delete subscription.handleBatch;
  return subscription;
}
