import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flags on an intake record: what was accepted but is worth an operator's
 * notice (BUYER_ANONYMOUS: the order named no buyer and went to the channel's
 * guest customer). Records written before have none.
 */
export class IntakeFlags1765310000000 implements MigrationInterface {
  name = 'IntakeFlags1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE intake_record ADD COLUMN flags text[] NOT NULL DEFAULT '{}'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE intake_record DROP COLUMN flags');
  }
}
