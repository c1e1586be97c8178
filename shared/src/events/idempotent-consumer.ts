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
}

/**
 * Wraps a handler so that a redelivered event changes nothing: the event id
 * goes into the inbox in the same transaction as the handler's writes, so
 * either both commit or neither does. `afterCommit` runs once the handler's
 * transaction committed (the service nudges its relay there).
 */
export function idempotent(
  dataSource: DataSource,
  service: string,
  definition: ConsumerDefinition,
  afterCommit: () => void,
): EventSubscription {
  return {
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
  };
}
