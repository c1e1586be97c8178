import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Packaging (modules/packing): product dimensions, each warehouse's box
 * catalogue, and the packing plan made when an order's stock is reserved.
 *
 * Product dimensions are nullable: a product nobody measured is packed with
 * the documented default size (packing-defaults.ts) and its plan says so.
 * `warehouse_box.max_weight_grams` is the most a packed box may weigh, its
 * tare included. A warehouse has at most one default box (the one it would
 * use without a packer), which the KPIs compare against.
 *
 * `packing_plan` is one row per parcel of an order at a warehouse (package_no
 * 1, 2, ...); volumes are cm3. A re-reservation replaces the order's rows.
 */
export class Packaging1765460000000 implements MigrationInterface {
  name = 'Packaging1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE product
        ADD COLUMN length_mm int CHECK (length_mm > 0),
        ADD COLUMN width_mm int CHECK (width_mm > 0),
        ADD COLUMN height_mm int CHECK (height_mm > 0),
        ADD CONSTRAINT ck_product_dimensions_all_or_none
          CHECK ((length_mm IS NULL) = (width_mm IS NULL) AND (width_mm IS NULL) = (height_mm IS NULL))`);
    await q.query(`
      CREATE TABLE warehouse_box (
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        code text NOT NULL,
        length_mm int NOT NULL CHECK (length_mm > 0),
        width_mm int NOT NULL CHECK (width_mm > 0),
        height_mm int NOT NULL CHECK (height_mm > 0),
        max_weight_grams int NOT NULL CHECK (max_weight_grams > 0),
        tare_grams int NOT NULL CHECK (tare_grams >= 0 AND tare_grams < max_weight_grams),
        is_default boolean NOT NULL DEFAULT false,
        PRIMARY KEY (warehouse_id, code)
      )`);
    await q.query('CREATE UNIQUE INDEX uq_warehouse_box_default ON warehouse_box (warehouse_id) WHERE is_default');
    await q.query(`
      CREATE TABLE packing_plan (
        order_id uuid NOT NULL,
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        package_no int NOT NULL CHECK (package_no > 0),
        channel text,
        box_code text,
        length_mm int,
        width_mm int,
        height_mm int,
        items_volume_cm3 float8 NOT NULL,
        box_volume_cm3 float8 NOT NULL,
        default_box_volume_cm3 float8 NOT NULL,
        weight_grams int NOT NULL,
        items jsonb NOT NULL,
        assumed_dimensions boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, warehouse_id, package_no)
      )`);
    await q.query('CREATE INDEX ix_packing_plan_warehouse_created ON packing_plan (warehouse_id, created_at)');
    for (const table of ['warehouse_box', 'packing_plan'])
      for (const sql of entityChangeTriggersSql(table, 'inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE packing_plan');
    await q.query('DROP TABLE warehouse_box');
    await q.query(
      'ALTER TABLE product DROP CONSTRAINT ck_product_dimensions_all_or_none, DROP COLUMN length_mm, ' +
        'DROP COLUMN width_mm, DROP COLUMN height_mm',
    );
  }
}
