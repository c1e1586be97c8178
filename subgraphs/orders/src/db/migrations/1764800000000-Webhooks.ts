import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner webhooks: the registrations, one delivery per (webhook, status
 * event), and every attempt to send one. A delivery keeps what it needs to
 * have its payload resolved again (the event's order, statuses and time), so
 * retries and re-sends do not depend on the outbox's retention.
 */
export class Webhooks1764800000000 implements MigrationInterface {
  name = 'Webhooks1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // The filter columns are the subscription's arguments as the partner wrote them (any ID,
    // not only UUIDs): text, so a filter that can never match is stored, not refused by a cast.
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        query text NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        operation_name text,
        order_id text,
        customer_id text,
        channel text,
        description text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_webhook_created ON webhook (created_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhook (id),
        event_id text NOT NULL,
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        channel text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        event_at timestamptz(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
        attempts int NOT NULL DEFAULT 0,
        window_attempts int NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        first_attempt_at timestamptz(3),
        next_attempt_at timestamptz(3),
        lease uuid,
        last_status_code int,
        last_error text,
        delivered_at timestamptz(3),
        dead_at timestamptz(3),
        UNIQUE (webhook_id, event_id)
      )`);
    // The dispatcher's question, "what is due", reads only pending rows.
    await q.query(
      `CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await q.query('CREATE INDEX ix_webhook_delivery_list ON webhook_delivery (webhook_id, created_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id),
        at timestamptz(3) NOT NULL,
        status_code int,
        error text,
        duration_ms int NOT NULL,
        signature_timestamp bigint
      )`);
    await q.query('CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_attempt');
    await q.query('DROP TABLE webhook_delivery');
    await q.query('DROP TABLE webhook');
  }
}
