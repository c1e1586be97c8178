import { randomUUID } from 'node:crypto';
import { insertRows, type ColumnTypes } from '../db/insert';
import { currentTraceparent } from '../telemetry/event-spans';
import type { DomainEvent, NewEvent } from './event';

/** Anything that can run SQL inside the caller's transaction (a TypeORM EntityManager or runner). */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Appends events to this service's outbox. Call it with the transaction's
 * manager: the event commits or rolls back together with the change it
 * describes, which is what makes "nothing lost, nothing invented" hold.
 */
export async function appendEvents(db: SqlExecutor, source: string, events: NewEvent[]): Promise<DomainEvent[]> {
  if (!events.length) return [];
  const now = new Date().toISOString();
  const full: DomainEvent[] = events.map((e) => ({ ...e, eventId: randomUUID(), occurredAt: now, source }));
  const traceparent = currentTraceparent();
  if (traceparent === undefined) {
    await insertRows(db, 'outbox', OUTBOX_COLUMNS, full.map(outboxRow));
    return full;
  }
  // Traced: the events carry the writer's context (and only then is the column named, so untraced writes are as before).
  for (const event of full) event.traceparent = traceparent;
  await insertRows(
    db,
    'outbox',
    TRACED_OUTBOX_COLUMNS,
    full.map((e) => ({ ...outboxRow(e), traceparent })),
  );
  return full;
}

/** The columns an event is appended with (the rest are the relay's). */
interface OutboxInsert {
  event_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  occurred_at: string;
  source: string;
  /** JSON text. */
  payload: string;
}

const OUTBOX_COLUMNS: ColumnTypes<OutboxInsert> = {
  event_id: 'uuid',
  type: 'text',
  aggregate_type: 'text',
  aggregate_id: 'text',
  aggregate_version: 'int',
  occurred_at: 'timestamptz',
  source: 'text',
  payload: 'jsonb',
};

const TRACED_OUTBOX_COLUMNS: ColumnTypes<OutboxInsert & { traceparent: string }> = {
  ...OUTBOX_COLUMNS,
  traceparent: 'text',
};

const outboxRow = (e: DomainEvent): OutboxInsert => ({
  event_id: e.eventId,
  type: e.type,
  aggregate_type: e.aggregateType,
  aggregate_id: e.aggregateId,
  aggregate_version: e.aggregateVersion,
  occurred_at: e.occurredAt,
  source: e.source,
  payload: JSON.stringify(e.payload),
});

/** SQL for the outbox and inbox tables; each subgraph's migration runs it in its own schema. */
export const EVENT_TABLES_SQL = [
  `CREATE TABLE outbox (
     seq bigserial PRIMARY KEY,
     event_id uuid NOT NULL UNIQUE,
     type text NOT NULL,
     aggregate_type text NOT NULL,
     aggregate_id text NOT NULL,
     aggregate_version int NOT NULL,
     occurred_at timestamptz NOT NULL,
     source text NOT NULL,
     payload jsonb NOT NULL,
     published_at timestamptz
   )`,
  'CREATE INDEX ix_outbox_unpublished ON outbox (seq) WHERE published_at IS NULL',
  `CREATE TABLE inbox (
     consumer text NOT NULL,
     event_id uuid NOT NULL,
     type text NOT NULL,
     handled_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
];
