import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per intake (placeOrder, importChannelOrder, each batch item): what
 * came in, how it ended and what the adapter repaired or rejected; and each
 * shipment's ETA, which the on-time delivery KPI compares with delivery.
 */
export class IntakeQualityAndKpis1764310000000 implements MigrationInterface {
  name = 'IntakeQualityAndKpis1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign keys: a rejection for an unknown channel is recorded too, no
    // order exists for a rejection, and the demo seed truncates orders without
    // touching the intake log.
    await q.query(`
      CREATE TABLE intake_record (
        id bigserial PRIMARY KEY,
        channel text NOT NULL,
        external_id text,
        outcome text NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
        order_id uuid,
        repairs jsonb NOT NULL DEFAULT '[]',
        problems jsonb NOT NULL DEFAULT '[]',
        received_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_intake_record_received ON intake_record (received_at, channel)');
    // recentRejections reads the newest rejections of a channel first.
    await q.query(
      'CREATE INDEX ix_intake_record_rejected ON intake_record (channel, received_at DESC, id DESC) WHERE outcome = ' +
        "'REJECTED'",
    );
    await q.query('ALTER TABLE order_shipment ADD COLUMN estimated_delivery_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE order_shipment DROP COLUMN estimated_delivery_at');
    await q.query('DROP TABLE intake_record');
  }
}
