import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operations desk: operators (staff principals by `sub`), one work item
 * per alert key (the unique key is what makes a redelivered `alert.raised`
 * change nothing), each item's history, and what resolved risk holds taught
 * the risk engine: per-rule outcome counts and trusted customers.
 */
export class Desk1765300000000 implements MigrationInterface {
  name = 'Desk1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE desk_operator (
        sub text PRIMARY KEY,
        name text NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        capacity int NOT NULL CHECK (capacity >= 0),
        active boolean NOT NULL DEFAULT true,
        last_assigned_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE work_item (
        id uuid PRIMARY KEY,
        alert_key text NOT NULL UNIQUE,
        source text NOT NULL,
        kind text NOT NULL,
        skill text NOT NULL,
        priority int NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'ESCALATED', 'RESOLVED')),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        order_id uuid,
        channel text,
        carrier text,
        summary text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        checklist text[] NOT NULL DEFAULT '{}',
        assignee text,
        due_at timestamptz NOT NULL,
        escalation_level int NOT NULL DEFAULT 0,
        outcome text,
        cause text,
        resolved_by text,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    // The desk's list (newest first), an operator's load, the overdue scan and the queue waiting for an operator.
    await q.query('CREATE INDEX ix_work_item_created ON work_item (created_at DESC, id DESC)');
    await q.query("CREATE INDEX ix_work_item_load ON work_item (assignee) WHERE status <> 'RESOLVED'");
    await q.query("CREATE INDEX ix_work_item_due ON work_item (due_at) WHERE status <> 'RESOLVED'");
    await q.query(
      "CREATE INDEX ix_work_item_waiting ON work_item (skill, created_at) WHERE status <> 'RESOLVED' AND assignee IS NULL",
    );
    await q.query(`
      CREATE TABLE work_item_event (
        id bigserial PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_item (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        change text NOT NULL,
        note text
      )`);
    await q.query('CREATE INDEX ix_work_item_event_item ON work_item_event (work_item_id, id)');
    await q.query(`
      CREATE TABLE risk_feedback (
        rule_code text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('LEGITIMATE', 'FRAUD')),
        count int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_code, outcome)
      )`);
    await q.query(`
      CREATE TABLE trusted_customer (
        customer_id uuid PRIMARY KEY,
        rule_codes text[] NOT NULL,
        work_item_id uuid NOT NULL,
        trusted_by text NOT NULL,
        trusted_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The gateway's entity cache is dropped on their writes like on every other table's.
    for (const table of ['desk_operator', 'work_item', 'work_item_event', 'risk_feedback', 'trusted_customer'])
      for (const sql of entityChangeTriggersSql(table, 'orders')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE trusted_customer, risk_feedback, work_item_event, work_item, desk_operator');
  }
}
