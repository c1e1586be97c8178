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
  /**
   * Appends events that travel with no change of state (audit entries of
   * reads and refusals): one INSERT, atomic on its own, so no transaction
   * around it (two round trips fewer), then wakes the relay.
   */
  append(events: NewEvent[]): Promise<void>;
  /** Tells the relay that events were committed (used after consumer transactions). */
  committed(): void;
}

/** deadlock_detected, serialization_failure */
const RETRYABLE = new Set(['40P01', '40001']);

export function serviceEvents(service: string, dataSource: DataSource, onCommit: () => void): ServiceEvents {
  return {
    service,
    async transaction(fn) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const result = await dataSource.transaction((manager) => fn(eventTransaction(manager, service)));
          onCommit();
          return result;
        } catch (err) {
          // PostgreSQL broke a deadlock or a serialization conflict by aborting us: nothing
          // was written, so running the unit of work again is safe and usually succeeds.
          if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
        }
      }
    },
    async append(events) {
      await appendEvents(dataSource, service, events);
      onCommit();
    },
    committed: onCommit,
  };
}
