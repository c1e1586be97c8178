import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A line may be presale: it is filled from presale stock only. */
export class PresaleLines1764400000000 implements MigrationInterface {
  name = 'PresaleLines1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE order_line ADD COLUMN presale boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE order_line DROP COLUMN presale');
  }
}
