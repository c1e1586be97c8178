import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reservations driven by order events: why each allocation was chosen, when it shipped, and the backorder queue. */
export class Reservations1764200000000 implements MigrationInterface {
  name = 'Reservations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE allocation ADD COLUMN reason text, ADD COLUMN shipped_at timestamptz');
    await q.query(`
      CREATE TABLE backorder (
        order_id uuid PRIMARY KEY,
        request jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_backorder_created ON backorder (created_at, order_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE backorder');
    await q.query('ALTER TABLE allocation DROP COLUMN reason, DROP COLUMN shipped_at');
  }
}
