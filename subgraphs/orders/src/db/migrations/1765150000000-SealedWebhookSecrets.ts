import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets are stored sealed from now on (webhook-secret-box.ts), so
 * the last four characters operators see are kept beside them rather than
 * cut from the stored value. Secrets stored before are plain text: their last
 * four are copied here.
 */
export class SealedWebhookSecrets1765150000000 implements MigrationInterface {
  name = 'SealedWebhookSecrets1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook ADD COLUMN secret_last_four text');
    await q.query('UPDATE webhook SET secret_last_four = right(secret, 4)');
    await q.query(
      "ALTER TABLE webhook ALTER COLUMN secret_last_four SET DEFAULT '', ALTER COLUMN secret_last_four SET NOT NULL",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook DROP COLUMN secret_last_four');
  }
}
