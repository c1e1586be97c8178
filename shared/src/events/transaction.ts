import type { DataSource, EntityManager } from 'typeorm';
import type { NewEvent } from './event';
import { appendEvents } from './outbox';

/** A unit of work: its writes and the events describing them commit together. */
export interface EventTransaction {
  manager: EntityManager;
  /** Appends events to the outbox inside this transaction. */
  emit(...events: NewEvent[]): Promise<void>;
}

export function eventTransaction(manager: EntityManager, source: string): EventTransaction {
  return { manager, emit: async (...events) => void (await appendEvents(manager, source, events)) };
}

/**
 * A service's way to change state: `transaction(fn)` runs `fn` in one
 * database transaction and, once it committed, wakes the relay so the events
 * leave at once rather than at the next poll.
 */
export interface ServiceEvents {
  readonly service: string;
  transaction<T>(fn: (tx: EventTransaction) => Promise<T>): Promise<T>;
  /** Tells the relay that events were committed (used after consumer transactions). */
  committed(): void;
}

export function serviceEvents(service: string, dataSource: DataSource, onCommit: () => void): ServiceEvents {
  return {
    service,
    async transaction(fn) {
      const result = await dataSource.transaction((manager) => fn(eventTransaction(manager, service)));
      onCommit();
      return result;
    },
    committed: onCommit,
  };
}
