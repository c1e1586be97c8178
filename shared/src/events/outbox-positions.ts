import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { SqlExecutor } from './outbox';
import { returnedRows } from '../db/query-result';

/**
 * Outbox positions: a number per event, given by the relay in the order the
 * events leave for the bus, so "every event after position P" is a question
 * with one exact answer. (The outbox `seq` cannot serve: transactions commit
 * out of seq order, so an event with a lower seq can appear after a higher
 * one has been seen.) Subscribers resume from a position (`after`), which is
 * why published events are kept for the retention period before they are
 * pruned; `outbox_pruned` remembers how far pruning went, so a position from
 * before it is told apart from one that never existed.
 */
export function outboxPositionsMigration(timestamp: number): new () => MigrationInterface {
  const name = `OutboxPositions${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE outbox ADD COLUMN position bigint');
      // A sequence never goes back, not even when the outbox is emptied or pruned.
      await q.query('CREATE SEQUENCE outbox_position_seq');
      // Events already published keep no position: nobody can have seen one.
      await q.query('CREATE UNIQUE INDEX ux_outbox_position ON outbox (position)');
      await q.query('CREATE INDEX ix_outbox_type_position ON outbox (type, position) WHERE position IS NOT NULL');
      await q.query(
        'CREATE TABLE outbox_pruned (id boolean PRIMARY KEY DEFAULT true CHECK (id), through_position bigint NOT NULL)',
      );
      await q.query('INSERT INTO outbox_pruned (through_position) VALUES (0)');
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('DROP TABLE outbox_pruned');
      await q.query('ALTER TABLE outbox DROP COLUMN position');
      await q.query('DROP SEQUENCE outbox_position_seq');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * Gives the next unpositioned events positions, in `seq` order, in one
 * statement that commits on its own: a position is in the database before its
 * event can be published. Numbering is serialised per service by an advisory
 * lock taken while scanning, before any number is drawn: without it, a relay
 * could draw a lower number and commit it after another relay's higher ones
 * were already published, and subscribers would take it for a repeat. A
 * relay that waited for the lock skips, through the row locks' recheck, what
 * the other one numbered meanwhile.
 */
export async function assignPositions(db: SqlExecutor, limit: number): Promise<void> {
  await db.query(
    `UPDATE outbox o SET position = b.position
     FROM (
       SELECT seq, nextval('outbox_position_seq') AS position FROM (
         SELECT seq FROM outbox
         WHERE published_at IS NULL AND position IS NULL
           AND pg_advisory_xact_lock(hashtext(current_schema() || '.outbox-numbering')) IS NOT NULL
         ORDER BY seq LIMIT $1 FOR UPDATE
       ) waiting
     ) b
     WHERE o.seq = b.seq`,
    [limit],
  );
}

/** Deletes published events older than the retention; returns how many. */
export async function pruneOutbox(db: SqlExecutor, retentionHours: number): Promise<number> {
  const [pruned] = returnedRows<{ n: number }>(
    await db.query(
      `WITH gone AS (
       DELETE FROM outbox
       WHERE published_at IS NOT NULL AND occurred_at < now() - make_interval(secs => $1::double precision * 3600)
       RETURNING position
     )
     UPDATE outbox_pruned
     SET through_position = greatest(through_position, coalesce((SELECT max(position) FROM gone), 0))
     RETURNING (SELECT count(*)::int FROM gone) AS n`,
      [retentionHours],
    ),
  );
  return pruned?.n ?? 0;
}

/**
 * The public id of a published event: its position, zero-padded to 16 digits
 * so ids compare the same as strings and as numbers ("increasing per order").
 */
export function eventIdOfPosition(position: string | number | bigint): string {
  return String(position).padStart(16, '0');
}

/** The position an event id stands for, or null when the id was never one of ours. */
export function positionOfEventId(eventId: string): bigint | null {
  if (!/^\d{1,19}$/.test(eventId)) return null;
  const position = BigInt(eventId);
  // Positions are PostgreSQL bigints: a larger number cannot be one of ours.
  return position <= MAX_POSITION ? position : null;
}

const MAX_POSITION = 2n ** 63n - 1n;

/**
 * The inbox only has to outlive redeliveries: the NATS stream keeps events 7
 * days and a relay republishes only what it has not marked published, so an
 * entry older than the retention (and never younger than 8 days) cannot meet
 * its event again. Returns how many entries went.
 */
export async function pruneInbox(db: SqlExecutor, retentionHours: number): Promise<number> {
  const hours = Math.max(retentionHours, 8 * 24);
  const rows = (await db.query(
    `WITH gone AS (
       DELETE FROM inbox WHERE handled_at < now() - make_interval(secs => $1::double precision * 3600) RETURNING 1
     )
     SELECT count(*)::int AS n FROM gone`,
    [hours],
  )) as { n: number }[];
  return rows[0].n;
}
