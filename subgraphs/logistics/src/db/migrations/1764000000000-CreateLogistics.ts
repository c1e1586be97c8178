import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = "('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')";

/**
 * Carriers, shipments and their tracking events. Order, customer and warehouse
 * ids belong to other subgraphs, so they are plain uuid columns without foreign keys.
 */
export class CreateLogistics1764000000000 implements MigrationInterface {
  name = 'CreateLogistics1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE carrier (
        code text PRIMARY KEY,
        name text NOT NULL,
        mode text NOT NULL CONSTRAINT ck_carrier_mode CHECK (mode IN ('ROAD', 'AIR', 'EXPRESS'))
      )`);
    await q.query(`
      CREATE TABLE shipment (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        warehouse_id uuid NOT NULL,
        carrier_code text NOT NULL REFERENCES carrier (code),
        tracking_number text NOT NULL,
        status text NOT NULL CONSTRAINT ck_shipment_status CHECK (status IN ${STATUSES}),
        created_at timestamptz NOT NULL DEFAULT now(),
        estimated_delivery_at timestamptz,
        delivered_at timestamptz,
        CONSTRAINT uq_shipment_tracking UNIQUE (carrier_code, tracking_number)
      )`);
    await q.query('CREATE INDEX ix_shipment_order ON shipment (order_id)');
    await q.query('CREATE INDEX ix_shipment_customer_recent ON shipment (customer_id, created_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE tracking_event (
        id bigserial PRIMARY KEY,
        shipment_id uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        status text NOT NULL CONSTRAINT ck_tracking_event_status CHECK (status IN ${STATUSES}),
        location text,
        description text,
        -- a carrier resending the same scan must not store it twice
        CONSTRAINT uq_tracking_event UNIQUE (shipment_id, at, status)
      )`);
    await q.query('CREATE INDEX ix_tracking_event_shipment_at ON tracking_event (shipment_id, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tracking_event');
    await q.query('DROP TABLE shipment');
    await q.query('DROP TABLE carrier');
  }
}
