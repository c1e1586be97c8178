import { randomUUID } from 'node:crypto';
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
  await db.query(
    `INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source, payload)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::text[], $8::jsonb[])`,
    [
      full.map((e) => e.eventId),
      full.map((e) => e.type),
      full.map((e) => e.aggregateType),
      full.map((e) => e.aggregateId),
      full.map((e) => e.aggregateVersion),
      full.map((e) => e.occurredAt),
      full.map((e) => e.source),
      full.map((e) => JSON.stringify(e.payload)),
    ],
  );
  return full;
}

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
