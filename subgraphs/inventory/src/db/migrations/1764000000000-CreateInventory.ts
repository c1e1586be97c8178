import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInventory1764000000000 implements MigrationInterface {
  name = 'CreateInventory1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE warehouse (
        id uuid PRIMARY KEY,
        code text NOT NULL CONSTRAINT uq_warehouse_code UNIQUE,
        name text NOT NULL,
        region text NOT NULL,
        city text NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL
      )`);
    await q.query(`
      CREATE TABLE product (
        sku text PRIMARY KEY,
        name text NOT NULL,
        price numeric(14,2) NOT NULL CONSTRAINT ck_product_price CHECK (price >= 0),
        weight_grams int NOT NULL CONSTRAINT ck_product_weight CHECK (weight_grams >= 0)
      )`);
    // The checks are the last line of defence: services update stock with guarded
    // single statements, so a violation here means a bug, never a race.
    await q.query(`
      CREATE TABLE stock_level (
        sku text NOT NULL REFERENCES product (sku),
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        on_hand int NOT NULL CONSTRAINT ck_stock_level_on_hand CHECK (on_hand >= 0),
        reserved int NOT NULL CONSTRAINT ck_stock_level_reserved CHECK (reserved >= 0),
        safety_stock int NOT NULL DEFAULT 0 CONSTRAINT ck_stock_level_safety_stock CHECK (safety_stock >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sku, warehouse_id),
        CONSTRAINT ck_stock_level_reserved_le_on_hand CHECK (reserved <= on_hand)
      )`);
    await q.query('CREATE INDEX ix_stock_level_warehouse ON stock_level (warehouse_id)');
    // order_id points into the orders subgraph: an id, never a foreign key.
    await q.query(`
      CREATE TABLE allocation (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        sku text NOT NULL REFERENCES product (sku),
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        quantity int NOT NULL CONSTRAINT ck_allocation_quantity CHECK (quantity > 0),
        created_at timestamptz NOT NULL,
        released_at timestamptz
      )`);
    await q.query('CREATE INDEX ix_allocation_order ON allocation (order_id)');
    await q.query(`
      CREATE TABLE stock_movement (
        id bigserial PRIMARY KEY,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT ck_stock_movement_kind
          CHECK (kind IN ('RECEIVE', 'RESERVE', 'RELEASE', 'SHIP', 'ADJUST', 'RETURN')),
        quantity int NOT NULL,
        reason text NOT NULL,
        order_id uuid,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_stock_movement_sku_warehouse ON stock_movement (sku, warehouse_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stock_movement');
    await q.query('DROP TABLE allocation');
    await q.query('DROP TABLE stock_level');
    await q.query('DROP TABLE product');
    await q.query('DROP TABLE warehouse');
  }
}
