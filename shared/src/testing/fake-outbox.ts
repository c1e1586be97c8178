import type { DataSource } from 'typeorm';
import { serviceEvents, type ServiceEvents } from '../events/transaction';

/** An outbox row as the fake keeps it. */
export interface FakeOutboxRow {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * The real `serviceEvents` over a stand-in for PostgreSQL that models only
 * what transactions mean for the outbox: rows appended inside a transaction
 * become visible when it commits and vanish when it rolls back. For unit tests
 * of code that decides what goes into which transaction.
 */
export function fakeOutbox(service = 'test') {
  const committed: FakeOutboxRow[] = [];
  const commitFailures: unknown[] = [];
  let transactions = 0;
  const collect = (into: FakeOutboxRow[]) => ({
    async query(sql: string, params: unknown[] = []) {
      const columns = /^INSERT INTO outbox \(([^)]*)\)/.exec(sql)?.[1].split(', ');
      if (!columns) return [];
      // Each column's values travel as one array parameter, in the order the statement names the columns.
      const column = (name: string) => params[columns.indexOf(`"${name}"`)] as string[];
      const [types, payloads] = [column('type'), column('payload')];
      types.forEach((type, i) => {
        into.push({ type, payload: JSON.parse(payloads[i]) as Record<string, unknown> });
      });
      return [];
    },
  });
  const dataSource = {
    async transaction<T>(work: (manager: unknown) => Promise<T>): Promise<T> {
      transactions += 1;
      const pending: FakeOutboxRow[] = [];
      const result = await work(collect(pending));
      // A failure at COMMIT (a deadlock, a cut connection): nothing of the transaction stays.
      if (commitFailures.length) throw commitFailures.shift();
      committed.push(...pending);
      return result;
    },
    // A statement outside a transaction commits on its own, all of it or nothing.
    async query(sql: string, params: unknown[] = []) {
      transactions += 1;
      const pending: FakeOutboxRow[] = [];
      await collect(pending).query(sql, params);
      if (commitFailures.length) throw commitFailures.shift();
      committed.push(...pending);
      return [];
    },
  } as unknown as DataSource;
  const events: ServiceEvents = serviceEvents(service, dataSource, () => undefined);
  return {
    events,
    /** Rows of committed transactions, in commit order. */
    committed,
    /** The next commit fails with `err` (rolled back; serviceEvents retries deadlocks itself). */
    failNextCommit: (err: unknown) => void commitFailures.push(err),
    transactions: () => transactions,
  };
}
