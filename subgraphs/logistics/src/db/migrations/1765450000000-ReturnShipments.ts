import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return shipments (modules/returns): the parcel a customer sends back to
 * the warehouse inventory chose. They live in `shipment` beside outbound
 * parcels, so carrier scans (`recordTrackingEvent` by tracking number), the
 * exception scan and the carbon estimate treat them alike; `direction` tells
 * them apart (every existing row is OUTBOUND) and `return_id` names the
 * return (owned by orders; an id, not a foreign key), at most one shipment
 * per return. A guest's return has no customer id, so the column is nullable
 * for return shipments only.
 */
export class ReturnShipments1765450000000 implements MigrationInterface {
  name = 'ReturnShipments1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE shipment
        ADD COLUMN direction text NOT NULL DEFAULT 'OUTBOUND' CONSTRAINT ck_shipment_direction
          CHECK (direction IN ('OUTBOUND', 'RETURN')),
        ADD COLUMN return_id uuid,
        ALTER COLUMN customer_id DROP NOT NULL,
        ADD CONSTRAINT ck_shipment_return CHECK ((direction = 'RETURN') = (return_id IS NOT NULL)),
        ADD CONSTRAINT ck_shipment_customer CHECK (direction = 'RETURN' OR customer_id IS NOT NULL)`);
    // One shipment per return, whatever the booking code does.
    await q.query('CREATE UNIQUE INDEX uq_shipment_return ON shipment (return_id) WHERE return_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM shipment WHERE direction = 'RETURN'`);
    await q.query(`
      ALTER TABLE shipment DROP CONSTRAINT ck_shipment_customer, DROP CONSTRAINT ck_shipment_return,
        ALTER COLUMN customer_id SET NOT NULL, DROP COLUMN return_id, DROP COLUMN direction`);
  }
}
