import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns on the inventory side (modules/returns): which warehouse receives
 * an authorised return, when the parcel arrived and how its units were
 * judged.
 *
 * `warehouse.accepts_returns` (default true: every existing warehouse keeps
 * taking returns) lets an operator take a site out of return routing.
 *
 * `return_receipt` is one row per return (the return itself belongs to
 * orders; `return_id` is its id, not a foreign key): ROUTED when the
 * warehouse was chosen, RECEIVED when the parcel arrived, INSPECTED once every
 * line's units were split into restocked, refurbished and scrapped. `lines`
 * holds the return's lines ({lineNo, sku, quantity}) and, once inspected,
 * each line's split. The receipt is written with the `return.routed` event,
 * so a second delivery of `return.authorised` finds it and changes nothing.
 *
 * Restocked units are RETURN movements in the stock ledger like an order
 * returned whole; `stock_movement.return_id` ties them to their return.
 * Refurbished and scrapped units never reach on-hand stock, so they have no
 * movement: the receipt is their record.
 */
export class ReturnReceipts1765450000000 implements MigrationInterface {
  name = 'ReturnReceipts1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE warehouse ADD COLUMN accepts_returns boolean NOT NULL DEFAULT true');
    await q.query(`
      CREATE TABLE return_receipt (
        return_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        channel text NOT NULL,
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        status text NOT NULL CHECK (status IN ('ROUTED', 'RECEIVED', 'INSPECTED')),
        reason text NOT NULL,
        routing_reason text NOT NULL,
        lines jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        received_at timestamptz,
        inspected_at timestamptz,
        CHECK ((status = 'ROUTED') = (received_at IS NULL)),
        CHECK ((status = 'INSPECTED') = (inspected_at IS NOT NULL))
      )`);
    // The order's receipts: an order returned whole through its status leaves restocking to them (ledger.consumer).
    await q.query('CREATE INDEX ix_return_receipt_order ON return_receipt (order_id)');
    for (const sql of entityChangeTriggersSql('return_receipt', 'inventory')) await q.query(sql);
    await q.query('ALTER TABLE stock_movement ADD COLUMN return_id uuid REFERENCES return_receipt (return_id)');
    await q.query('CREATE INDEX ix_stock_movement_return ON stock_movement (return_id) WHERE return_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM stock_movement WHERE return_id IS NOT NULL');
    await q.query('ALTER TABLE stock_movement DROP COLUMN return_id');
    await q.query('DROP TABLE return_receipt');
    await q.query('ALTER TABLE warehouse DROP COLUMN accepts_returns');
  }
}
