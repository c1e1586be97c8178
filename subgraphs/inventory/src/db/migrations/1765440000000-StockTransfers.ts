import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transfers between warehouses (modules/planning/transfer): units leave the
 * source's on-hand stock when sent and reach the destination's when
 * received; meanwhile they are in transit, available at neither end.
 *
 * `stock_transfer` is one row per transfer: `quantity` sent, of which
 * `received` arrived at the destination and `returned` went back to the
 * source when the rest was cancelled. What is still on the way is
 * quantity - received - returned, and only an IN_TRANSIT transfer has any.
 * `reference` is the operator's document number: a transfer sent again with
 * the same reference is the same transfer (a retry), never a second one.
 *
 * The ledger gains two kinds, both signed like ADJUST: TRANSFER_OUT (negative,
 * at the source, when sent) and TRANSFER_IN (positive, at the destination when
 * received, or back at the source when cancelled); `transfer_id` ties them to
 * their transfer, so each warehouse's ledger still explains its on-hand units
 * and each transfer's movements sum to minus what it has in transit.
 */
export class StockTransfers1765440000000 implements MigrationInterface {
  name = 'StockTransfers1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_transfer (
        id uuid PRIMARY KEY,
        sku text NOT NULL REFERENCES product (sku),
        from_warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        to_warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        quantity int NOT NULL CHECK (quantity > 0),
        received int NOT NULL DEFAULT 0 CHECK (received >= 0),
        returned int NOT NULL DEFAULT 0 CHECK (returned >= 0),
        status text NOT NULL CHECK (status IN ('IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
        reason text NOT NULL,
        reference text,
        below_safety_stock boolean NOT NULL DEFAULT false,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CHECK (from_warehouse_id <> to_warehouse_id),
        CHECK (received + returned <= quantity),
        -- Open exactly while units are on the way; a cancelled transfer sent back all it had left.
        CHECK ((status = 'IN_TRANSIT') = (received + returned < quantity)),
        CHECK ((status = 'IN_TRANSIT') = (closed_at IS NULL)),
        CHECK (status <> 'RECEIVED' OR returned = 0)
      )`);
    await q.query('CREATE UNIQUE INDEX uq_stock_transfer_reference ON stock_transfer (reference)');
    // What is on the way, per SKU: stock levels and planning read only open transfers.
    await q.query(`CREATE INDEX ix_stock_transfer_open ON stock_transfer (sku) WHERE status = 'IN_TRANSIT'`);
    await q.query('CREATE INDEX ix_stock_transfer_created ON stock_transfer (created_at DESC, id DESC)');
    for (const sql of entityChangeTriggersSql('stock_transfer', 'inventory')) await q.query(sql);

    await q.query(`
      ALTER TABLE stock_movement DROP CONSTRAINT ck_stock_movement_kind,
        ADD CONSTRAINT ck_stock_movement_kind CHECK (kind IN ('RECEIVE', 'RESERVE', 'RELEASE', 'SHIP', 'ADJUST',
          'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN')),
        ADD COLUMN transfer_id uuid REFERENCES stock_transfer (id)`);
    await q.query(
      'CREATE INDEX ix_stock_movement_transfer ON stock_movement (transfer_id) WHERE transfer_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM stock_movement WHERE kind IN ('TRANSFER_OUT', 'TRANSFER_IN')`);
    await q.query(`
      ALTER TABLE stock_movement DROP COLUMN transfer_id, DROP CONSTRAINT ck_stock_movement_kind,
        ADD CONSTRAINT ck_stock_movement_kind CHECK (kind IN ('RECEIVE', 'RESERVE', 'RELEASE', 'SHIP', 'ADJUST',
          'RETURN'))`);
    await q.query('DROP TABLE stock_transfer');
  }
}
