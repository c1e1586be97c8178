import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients (partner systems, services) of the access contract. The secret
 * is kept only as a scrypt hash (`secret_hash`); `disabled_at` set means its
 * tokens stop working (the gateway re-reads the list at least every 10 s).
 */
export class ApiClients1765000000000 implements MigrationInterface {
  name = 'ApiClients1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_client (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        client_id text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        channels text[],
        rate_limit_per_minute int CHECK (rate_limit_per_minute > 0),
        trusted_documents_only boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_api_client_created_at ON api_client (created_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_client');
  }
}
