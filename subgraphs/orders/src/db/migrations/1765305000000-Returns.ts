import type { MigrationInterface, QueryRunner } from 'typeorm';
import { entityChangeTriggersSql } from '@supply-graph/shared';

/**
 * Returns (RMA): one row per return of an order, its lines, and its status
 * history. Statuses follow returns/return-status.machine.ts; the CHECKs keep
 * the quantities consistent whatever writes them. `order_shipment` learns the
 * warehouse that shipped it (shipment events carry it), so an authorised
 * return can tell inventory where the parcel came from.
 */
export class Returns1765305000000 implements MigrationInterface {
  name = 'Returns1765305000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE order_shipment ADD COLUMN warehouse_id uuid');
    await q.query(`
      CREATE TABLE order_return (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        channel_code text NOT NULL,
        customer_id uuid,
        status text NOT NULL CONSTRAINT ck_order_return_status CHECK (status IN
          ('REQUESTED', 'AUTHORISED', 'REJECTED', 'IN_TRANSIT', 'RECEIVED', 'INSPECTED', 'REFUNDED', 'CLOSED')),
        reason text NOT NULL CONSTRAINT ck_order_return_reason CHECK (reason IN
          ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'SIZE_FIT', 'CHANGED_MIND', 'OTHER')),
        note text,
        source text NOT NULL,
        external_id text,
        warehouse_id uuid,
        currency char(3) NOT NULL,
        refund numeric(14, 2),
        refund_shipping numeric(14, 2) NOT NULL DEFAULT 0,
        requested_at timestamptz(3) NOT NULL,
        authorised_at timestamptz(3),
        received_at timestamptz(3),
        inspected_at timestamptz(3),
        refunded_at timestamptz(3),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT uq_order_return_channel_external UNIQUE (channel_code, external_id)
      )`);
    await q.query('CREATE INDEX ix_order_return_order ON order_return (order_id)');
    await q.query('CREATE INDEX ix_order_return_requested ON order_return (requested_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE order_return_line (
        return_id uuid NOT NULL REFERENCES order_return (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        restocked int NOT NULL DEFAULT 0 CHECK (restocked >= 0),
        refurbished int NOT NULL DEFAULT 0 CHECK (refurbished >= 0),
        scrapped int NOT NULL DEFAULT 0 CHECK (scrapped >= 0),
        refund numeric(14, 2),
        PRIMARY KEY (return_id, line_no),
        CONSTRAINT ck_order_return_line_outcome CHECK (restocked + refurbished + scrapped <= quantity)
      )`);
    await q.query(`
      CREATE TABLE order_return_status_change (
        id bigserial PRIMARY KEY,
        return_id uuid NOT NULL REFERENCES order_return (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        at timestamptz(3) NOT NULL,
        reason text
      )`);
    await q.query('CREATE INDEX ix_order_return_status_change ON order_return_status_change (return_id, at, id)');
    // The gateway's entity cache drops what it holds from orders when these change, as for every orders table.
    for (const table of ['order_return', 'order_return_line', 'order_return_status_change'])
      for (const sql of entityChangeTriggersSql(table, 'orders')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE order_return_status_change');
    await q.query('DROP TABLE order_return_line');
    await q.query('DROP TABLE order_return');
    await q.query('ALTER TABLE order_shipment DROP COLUMN warehouse_id');
  }
}
