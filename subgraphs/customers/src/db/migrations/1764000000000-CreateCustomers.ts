import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomers1764000000000 implements MigrationInterface {
  name = 'CreateCustomers1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text,
        phone text,
        email_normalized text,
        phone_normalized text,
        -- Millisecond precision: the list cursor carries a JS Date, which has no microseconds.
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_customer_created ON customer (created_at DESC, id DESC)');
    await q.query('CREATE INDEX ix_customer_email_normalized ON customer (email_normalized)');
    await q.query('CREATE INDEX ix_customer_phone_normalized ON customer (phone_normalized)');
    await q.query(`
      CREATE TABLE channel_identity (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        channel text NOT NULL,
        external_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_channel_identity UNIQUE (channel, external_id)
      )`);
    await q.query('CREATE INDEX ix_channel_identity_customer ON channel_identity (customer_id)');
    await q.query('CREATE INDEX ix_channel_identity_external ON channel_identity (external_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE channel_identity');
    await q.query('DROP TABLE customer');
  }
}
