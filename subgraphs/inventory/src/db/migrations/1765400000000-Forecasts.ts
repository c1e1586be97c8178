import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored demand forecasts: what planning (safety stock, reorder points,
 * transfers, replenishment) reads instead of fitting on every request.
 *
 * `forecast_fit` is one row per SKU x warehouse: the model a refit chose and
 * how wrong it was on held-out days (`error_sd`, units per day; `holdout_wape`),
 * the input of dynamic safety stock and of the forecast-accuracy KPI.
 * `forecast_day` is its daily forecast from `first_day` on: the baseline,
 * without promotions, which are applied when the forecast is read, so a
 * promotion planned after the last refit counts at once.
 * A refit replaces both for the SKU x warehouse pairs it fitted, in one transaction.
 */
export class Forecasts1765400000000 implements MigrationInterface {
  name = 'Forecasts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forecast_fit (
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        model text NOT NULL,
        level double precision NOT NULL CHECK (level > 0 AND level < 1),
        history_days int NOT NULL CHECK (history_days >= 0),
        mean_daily double precision NOT NULL CHECK (mean_daily >= 0),
        error_sd double precision NOT NULL CHECK (error_sd >= 0),
        holdout_wape double precision,
        first_day date NOT NULL,
        fitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sku, warehouse_id)
      )`);
    await q.query(`
      CREATE TABLE forecast_day (
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        day date NOT NULL,
        point double precision NOT NULL CHECK (point >= 0),
        lower double precision NOT NULL CHECK (lower >= 0),
        upper double precision NOT NULL CHECK (upper >= point),
        PRIMARY KEY (sku, warehouse_id, day),
        FOREIGN KEY (sku, warehouse_id) REFERENCES forecast_fit (sku, warehouse_id) ON DELETE CASCADE
      )`);
    for (const table of ['forecast_fit', 'forecast_day'])
      for (const sql of entityChangeTriggersSql(table, 'inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE forecast_day');
    await q.query('DROP TABLE forecast_fit');
  }
}
