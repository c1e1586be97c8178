import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What exception detection and carbon estimates need: the planned distance and
 * units of a shipment (logistics owns no addresses or products, so both are
 * kept from the event that planned it) and the alerts raised for late parcels.
 */
export class ExceptionsAndCarbon1764500000000 implements MigrationInterface {
  name = 'ExceptionsAndCarbon1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Null for shipments planned before this column (and demo shipments): no estimate rather than a wrong one.
    await q.query(
      'ALTER TABLE shipment ADD COLUMN distance_km double precision CONSTRAINT ck_shipment_distance ' +
        'CHECK (distance_km >= 0)',
    );
    await q.query('ALTER TABLE shipment ADD COLUMN units integer CONSTRAINT ck_shipment_units CHECK (units > 0)');
    // The exception scan only ever reads shipments still on their way.
    await q.query(
      "CREATE INDEX ix_shipment_open ON shipment (id) WHERE status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY')",
    );
    // No foreign key to shipment: the demo seed truncates shipment on its own, and the
    // alert list joins shipment, so an alert of a voided shipment is simply not shown.
    await q.query(`
      CREATE TABLE logistics_alert (
        id bigserial PRIMARY KEY,
        shipment_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT ck_logistics_alert_kind CHECK (kind IN ('NO_SCAN', 'PAST_ETA')),
        detail text NOT NULL,
        -- what the alert is about: the last scan (NO_SCAN) or the missed ETA (PAST_ETA)
        basis_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL,
        -- one alert per stall and per missed ETA, whatever the number of scanners
        CONSTRAINT uq_logistics_alert UNIQUE (shipment_id, kind, basis_at)
      )`);
    await q.query('CREATE INDEX ix_logistics_alert_recent ON logistics_alert (raised_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE logistics_alert');
    await q.query('DROP INDEX ix_shipment_open');
    await q.query('ALTER TABLE shipment DROP COLUMN units');
    await q.query('ALTER TABLE shipment DROP COLUMN distance_km');
  }
}
