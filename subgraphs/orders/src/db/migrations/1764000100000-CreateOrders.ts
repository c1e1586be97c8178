import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'PENDING', 'ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'`;

export class CreateOrders1764000100000 implements MigrationInterface {
  name = 'CreateOrders1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('WEBSTORE', 'MARKETPLACE', 'SOCIAL', 'OFFLINE'))
      )`);
    // "order" is reserved in SQL, hence sales_order. customer_id has no foreign key:
    // customers live in another subgraph. placed_at keeps milliseconds, like a JS Date,
    // so cursors built from it match rows exactly.
    await q.query(`
      CREATE TABLE sales_order (
        id uuid PRIMARY KEY,
        channel_code text NOT NULL REFERENCES channel (code),
        external_id text NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        version int NOT NULL DEFAULT 1,
        currency char(3) NOT NULL,
        subtotal numeric(14, 2) NOT NULL,
        discount numeric(14, 2) NOT NULL,
        shipping_fee numeric(14, 2) NOT NULL,
        total numeric(14, 2) NOT NULL,
        ship_name text,
        ship_phone text,
        ship_country char(2) NOT NULL,
        ship_province text,
        ship_city text,
        ship_line1 text,
        ship_postal_code text,
        placed_at timestamptz(3) NOT NULL,
        risk_score double precision NOT NULL DEFAULT 0 CHECK (risk_score >= 0 AND risk_score <= 1),
        risk_flags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_sales_order_channel_external UNIQUE (channel_code, external_id)
      )`);
    await q.query('CREATE INDEX ix_sales_order_customer_placed ON sales_order (customer_id, placed_at DESC, id DESC)');
    await q.query('CREATE INDEX ix_sales_order_placed ON sales_order (placed_at DESC, id DESC)');
    await q.query('CREATE INDEX ix_sales_order_status ON sales_order (status)');
    await q.query(`
      CREATE TABLE order_line (
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
        PRIMARY KEY (order_id, line_no)
      )`);
    await q.query(`
      CREATE TABLE order_status_change (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        at timestamptz NOT NULL,
        reason text
      )`);
    // id is in the index because history is read ordered by (at, id).
    await q.query('CREATE INDEX ix_order_status_change_order ON order_status_change (order_id, at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE order_status_change');
    await q.query('DROP TABLE order_line');
    await q.query('DROP TABLE sales_order');
    await q.query('DROP TABLE channel');
  }
}
