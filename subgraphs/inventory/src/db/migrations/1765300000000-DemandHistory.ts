import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildDemandHistory } from '../../modules/planning/demand/demand-backfill';

/**
 * Demand history for planning: what was asked of each warehouse, per SKU,
 * channel and UTC day, and how much of it stock could meet at that moment.
 *
 * `demand_line` is the fact: an order's units per SKU and warehouse, written
 * once per order (the first time inventory decides on it, reserved or
 * backordered), keyed by the order so no later path (a held order released, a
 * backorder filled, a redelivery) can count it again. `demand_daily` is its
 * aggregate, kept current in the same statement and rebuilt from the facts by
 * the backfill; forecasts, safety stock and the stockout KPI read it.
 * units_demanded = units_fulfilled + units_short on every row.
 *
 * A database that already holds orders (a `.data` directory seeded by an
 * older release) gets its history here, once, from its allocations and
 * backorders (`rebuildDemandHistory`, in the migration's transaction); on a
 * fresh database that finds nothing. The seed writes its own history.
 */
export class DemandHistory1765300000000 implements MigrationInterface {
  name = 'DemandHistory1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demand_line (
        order_id uuid NOT NULL,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        channel text NOT NULL,
        day date NOT NULL,
        units_demanded int NOT NULL CHECK (units_demanded > 0),
        units_fulfilled int NOT NULL CHECK (units_fulfilled >= 0),
        units_short int NOT NULL CHECK (units_short >= 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, sku, warehouse_id),
        CHECK (units_demanded = units_fulfilled + units_short)
      )`);
    await q.query(`
      CREATE TABLE demand_daily (
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        channel text NOT NULL,
        day date NOT NULL,
        units_demanded int NOT NULL,
        units_fulfilled int NOT NULL,
        units_short int NOT NULL,
        orders int NOT NULL,
        PRIMARY KEY (sku, warehouse_id, channel, day),
        CHECK (units_demanded = units_fulfilled + units_short)
      )`);
    // Planning reads a warehouse's or a day range's history across SKUs too.
    await q.query('CREATE INDEX ix_demand_daily_day ON demand_daily (day, warehouse_id)');
    for (const table of ['demand_line', 'demand_daily'])
      for (const sql of entityChangeTriggersSql(table, 'inventory')) await q.query(sql);
    await rebuildDemandHistory(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE demand_daily');
    await q.query('DROP TABLE demand_line');
  }
}
