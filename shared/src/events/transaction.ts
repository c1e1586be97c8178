import type { DataSource, EntityManager } from 'typeorm';
import type { NewEvent } from './event';
import { appendEvents } from './outbox';

/** A unit of work: its writes and the events describing them commit together. */
export interface EventTransaction {
  manager: EntityManager;
  /** Appends events to the outbox inside this transaction. */
  emit(...events: NewEvent[]): Promise<void>;
  /**
   * Runs `fn` once the transaction has committed, never when it rolled back: for what must not happen before the
   * writes are visible, such as dropping a cache (dropped earlier, a concurrent read refills it with the old rows).
   * A hook registered inside a savepoint that was later rolled back (the retry worker's attempt) still runs, so
   * hooks are for work that is harmless done once too often.
   */
  afterCommit(fn: () => void): void;
}

const commitHooks = new WeakMap<EventTransaction, (() => void)[]>();

export function eventTransaction(manager: EntityManager, source: string): EventTransaction {
  const hooks: (() => void)[] = [];
  const tx: EventTransaction = {
    manager,
    emit: async (...events) => void (await appendEvents(manager, source, events)),
    afterCommit: (fn) => void hooks.push(fn),
  };
  commitHooks.set(tx, hooks);
  return tx;
}

/**
 * Runs the `afterCommit` hooks of a transaction the caller has just committed (once; undefined: none was opened).
 * A failing hook cannot undo the commit, so it is reported as a process warning and the others still run.
 */
export function transactionCommitted(tx: EventTransaction | undefined): void {
  for (const hook of (tx && commitHooks.get(tx)?.splice(0)) || []) {
    try {
      hook();
    } catch (err) {
      process.emitWarning(err instanceof Error ? err : String(err), 'AfterCommitHookWarning');
    }
  }
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
          let tx: EventTransaction | undefined;
          const result = await dataSource.transaction((manager) => {
            tx = eventTransaction(manager, service);
            return fn(tx);
          });
          onCommit();
          transactionCommitted(tx);
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
