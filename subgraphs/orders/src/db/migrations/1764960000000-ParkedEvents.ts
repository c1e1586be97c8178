import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operators' list of parked events from every service, fed by
 * `consumer.event-parked` and `consumer.event-retried`. `hold_version` is the
 * order's version right after orders held it for this event: a successful
 * retry releases the order only if nothing moved it since.
 */
export class ParkedEvents1764960000000 implements MigrationInterface {
  name = 'ParkedEvents1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE parked_event (
        id uuid PRIMARY KEY,
        service text NOT NULL,
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        order_id uuid,
        error text NOT NULL,
        attempts int NOT NULL,
        parked_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('PARKED', 'RETRY_REQUESTED', 'RETRIED', 'FAILED_AGAIN')),
        retry_requested_at timestamptz,
        retried_at timestamptz,
        hold_version int,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (service, consumer, event_id)
      )`);
    await q.query('CREATE INDEX ix_parked_event_parked_at ON parked_event (parked_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE parked_event');
  }
}
