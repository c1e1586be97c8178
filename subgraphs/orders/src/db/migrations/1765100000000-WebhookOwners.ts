import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook belongs to the caller that registered it: only its owner sees and
 * manages it, its events are limited to the owner's channels, and its payloads
 * are resolved with the owner's access as it was at registration (the claims
 * are kept: a payload is resolved long after the registering token expired).
 *
 * Webhooks registered before owners existed have none (owner_sub NULL). Nobody
 * can tell whose access their payloads should be resolved with, and they were
 * registered when anyone could, so they are deactivated here and their pending
 * deliveries dead-lettered; a partner registers its webhook again with a token.
 */
export class WebhookOwners1765100000000 implements MigrationInterface {
  name = 'WebhookOwners1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook
        ADD COLUMN owner_sub text,
        ADD COLUMN owner_kind text CHECK (owner_kind IN ('user', 'client', 'service')),
        ADD COLUMN owner_scopes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN owner_channels text[]`);
    // "My webhooks, newest first" is the list's one question.
    await q.query('CREATE INDEX ix_webhook_owner_created ON webhook (owner_sub, created_at DESC, id DESC)');
    await q.query(`
      UPDATE webhook_delivery SET status = 'DEAD', dead_at = now(), next_attempt_at = NULL, lease = NULL,
        last_error = 'the webhook has no owner: it was registered before webhooks had owners; register it again'
      WHERE status = 'PENDING' AND webhook_id IN (SELECT id FROM webhook WHERE owner_sub IS NULL)`);
    await q.query('UPDATE webhook SET active = false WHERE owner_sub IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_webhook_owner_created');
    await q.query(
      'ALTER TABLE webhook DROP COLUMN owner_sub, DROP COLUMN owner_kind, DROP COLUMN owner_scopes, DROP COLUMN ' +
        'owner_channels',
    );
  }
}
