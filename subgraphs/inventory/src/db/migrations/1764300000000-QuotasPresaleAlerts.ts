import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel quotas, presale stock kept apart from regular stock, returns on the
 * ledger, backorder reasons and stock alerts.
 */
export class QuotasPresaleAlerts1764300000000 implements MigrationInterface {
  name = 'QuotasPresaleAlerts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Presale units live beside the regular ones with the same guards, so no statement can mix the two pools.
    await q.query(`
      ALTER TABLE stock_level
        ADD COLUMN presale_on_hand int NOT NULL DEFAULT 0 CONSTRAINT ck_stock_level_presale_on_hand CHECK
          (presale_on_hand >= 0),
        ADD COLUMN presale_reserved int NOT NULL DEFAULT 0 CONSTRAINT ck_stock_level_presale_reserved CHECK
          (presale_reserved >= 0),
        ADD CONSTRAINT ck_stock_level_presale_reserved_le_on_hand CHECK (presale_reserved <= presale_on_hand)`);
    // channel: which channel's quota the units count against (null for allocations made before quotas existed).
    await q.query(`
      ALTER TABLE allocation
        ADD COLUMN channel text,
        ADD COLUMN presale boolean NOT NULL DEFAULT false,
        ADD COLUMN returned_at timestamptz`);
    await q.query('ALTER TABLE stock_movement ADD COLUMN presale boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE backorder ADD COLUMN reason text');
    // `held` is the channel's live reservations of the SKU (reserved, not shipped or released), kept in the
    // same transaction as each reservation, release and shipment; the row is locked after the SKU's stock rows.
    await q.query(`
      CREATE TABLE channel_quota (
        channel text NOT NULL,
        sku text NOT NULL REFERENCES product (sku),
        max_units int CONSTRAINT ck_channel_quota_max_units CHECK (max_units >= 0),
        max_share numeric(5,4) CONSTRAINT ck_channel_quota_max_share CHECK (max_share >= 0 AND max_share <= 1),
        held int NOT NULL DEFAULT 0 CONSTRAINT ck_channel_quota_held CHECK (held >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, sku),
        CONSTRAINT ck_channel_quota_one_limit CHECK ((max_units IS NULL) <> (max_share IS NULL))
      )`);
    await q.query('CREATE INDEX ix_channel_quota_sku ON channel_quota (sku)');
    await q.query(`
      CREATE TABLE stock_alert (
        id uuid PRIMARY KEY,
        sku text NOT NULL REFERENCES product (sku),
        warehouse_id uuid REFERENCES warehouse (id),
        kind text NOT NULL CONSTRAINT ck_stock_alert_kind CHECK (kind IN ('LOW_STOCK', 'DEMAND_EXCEEDS_SUPPLY')),
        message text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    // One open alert per (sku, warehouse, kind); SKU-wide alerts have no warehouse.
    await q.query(`
      CREATE UNIQUE INDEX uq_stock_alert_open ON stock_alert (sku, kind, (coalesce(warehouse_id,
        '00000000-0000-0000-0000-000000000000'::uuid)))
      WHERE closed_at IS NULL`);
    await q.query('CREATE INDEX ix_stock_alert_opened ON stock_alert (opened_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stock_alert');
    await q.query('DROP TABLE channel_quota');
    await q.query('ALTER TABLE backorder DROP COLUMN reason');
    await q.query('ALTER TABLE stock_movement DROP COLUMN presale');
    await q.query('ALTER TABLE allocation DROP COLUMN channel, DROP COLUMN presale, DROP COLUMN returned_at');
    await q.query(`
      ALTER TABLE stock_level DROP CONSTRAINT ck_stock_level_presale_reserved_le_on_hand,
        DROP COLUMN presale_on_hand, DROP COLUMN presale_reserved`);
  }
}
