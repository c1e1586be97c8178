import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning policies and dynamic safety stock (modules/planning/safety-stock).
 *
 * `planning_policy`: an operator's overrides of the configured lead time,
 * review period and service level, for a whole warehouse (sku NULL) or one
 * SKU there; a NULL figure inherits (SKU x warehouse, then warehouse, then the
 * configuration).
 * `safety_stock_plan`: a row per stock level whose safety stock is DYNAMIC
 * (computed from the forecast error): the operator's fixed number to return
 * to, and the policy the figure was computed with. A level without a row is
 * FIXED: its `stock_level.safety_stock` is the operator's number.
 * `safety_stock_change`: every change of a level's safety stock, with the
 * inputs it was computed from, so an operator can see why.
 * `safety_stock_run`: the last full recompute (one row), so a refit or changed
 * settings are noticed.
 */
export class SafetyStock1765420000000 implements MigrationInterface {
  name = 'SafetyStock1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planning_policy (
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        sku text REFERENCES product (sku),
        lead_time_days int CHECK (lead_time_days BETWEEN 1 AND 365),
        review_days int CHECK (review_days BETWEEN 1 AND 365),
        service_level double precision CHECK (service_level >= 0.5 AND service_level <= 0.999),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_planning_policy UNIQUE NULLS NOT DISTINCT (warehouse_id, sku)
      )`);
    await q.query(`
      CREATE TABLE safety_stock_plan (
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        fixed_safety_stock int NOT NULL CHECK (fixed_safety_stock >= 0),
        lead_time_days int NOT NULL CHECK (lead_time_days >= 1),
        review_days int NOT NULL CHECK (review_days >= 1),
        service_level double precision NOT NULL CHECK (service_level > 0 AND service_level < 1),
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sku, warehouse_id),
        FOREIGN KEY (sku, warehouse_id) REFERENCES stock_level (sku, warehouse_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE safety_stock_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL,
        old_safety_stock int NOT NULL,
        new_safety_stock int NOT NULL CHECK (new_safety_stock >= 0),
        source text NOT NULL CHECK (source IN ('FIXED', 'DYNAMIC')),
        error_sd double precision,
        history_days int,
        fitted_at timestamptz,
        lead_time_days int NOT NULL,
        service_level double precision NOT NULL,
        z double precision NOT NULL,
        uplift double precision NOT NULL,
        lead_time_demand double precision NOT NULL,
        reorder_point int NOT NULL
      )`);
    await q.query('CREATE INDEX ix_safety_stock_change_level ON safety_stock_change (sku, warehouse_id, id DESC)');
    await q.query(`
      CREATE TABLE safety_stock_run (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        finished_at timestamptz NOT NULL,
        fits_seen timestamptz,
        settings jsonb NOT NULL
      )`);
    for (const table of ['planning_policy', 'safety_stock_plan', 'safety_stock_change', 'safety_stock_run'])
      for (const sql of entityChangeTriggersSql(table, 'inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE safety_stock_run');
    await q.query('DROP TABLE safety_stock_change');
    await q.query('DROP TABLE safety_stock_plan');
    await q.query('DROP TABLE planning_policy');
  }
}
