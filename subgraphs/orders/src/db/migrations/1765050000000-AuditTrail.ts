import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of every service, fed by `audit.recorded`: one row per
 * event id (the row's id). Read newest first (`at`, then id), whole or by
 * actor, action or target, each with its own index so a filtered page reads
 * only its rows; `since` is a range on the same keys. Entries are never
 * changed or pruned.
 */
export class AuditTrail1765050000000 implements MigrationInterface {
  name = 'AuditTrail1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        channel text,
        request_id text,
        outcome text NOT NULL
      )`);
    await q.query('CREATE INDEX ix_audit_event_at ON audit_event (at DESC, id DESC)');
    await q.query('CREATE INDEX ix_audit_event_actor ON audit_event (actor, at DESC, id DESC)');
    await q.query('CREATE INDEX ix_audit_event_action ON audit_event (action, at DESC, id DESC)');
    await q.query(
      'CREATE INDEX ix_audit_event_target ON audit_event (target, at DESC, id DESC) WHERE target IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
  }
}
