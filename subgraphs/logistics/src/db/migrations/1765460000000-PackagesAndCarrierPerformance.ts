import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parcels and punctuality.
 *
 * `shipment_package`: the boxes inventory packed a shipment's units into (from
 * `stock.reserved`), and `shipment.weight_grams`, their gross weight, which the
 * carbon estimate uses instead of an assumed weight per unit.
 *
 * `carrier_outcome`: one row per shipment (or per resolved work item that names
 * no shipment) saying how it went for its carrier: delivered, on time, a fault
 * of the carrier's (a logistics exception whose cause was CARRIER_DELAY, _LOST
 * or _DAMAGE). Keyed so a redelivered event or a second resolution of the same
 * case changes nothing. `carrier_performance` keeps the counts per carrier,
 * moved by the same statements that change an outcome, so carrier selection
 * reads five rows, not every shipment ever delivered.
 */
export class PackagesAndCarrierPerformance1765460000000 implements MigrationInterface {
  name = 'PackagesAndCarrierPerformance1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE shipment ADD COLUMN weight_grams integer CONSTRAINT ck_shipment_weight CHECK (weight_grams > 0)',
    );
    await q.query(`
      CREATE TABLE shipment_package (
        shipment_id uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
        package_no int NOT NULL CHECK (package_no > 0),
        box_code text,
        length_mm int NOT NULL CHECK (length_mm > 0),
        width_mm int NOT NULL CHECK (width_mm > 0),
        height_mm int NOT NULL CHECK (height_mm > 0),
        items_volume_cm3 float8 NOT NULL,
        box_volume_cm3 float8 NOT NULL,
        default_box_volume_cm3 float8 NOT NULL,
        weight_grams int NOT NULL CHECK (weight_grams >= 0),
        assumed_dimensions boolean NOT NULL DEFAULT false,
        items jsonb NOT NULL,
        PRIMARY KEY (shipment_id, package_no)
      )`);
    await q.query(`
      CREATE TABLE carrier_outcome (
        key text PRIMARY KEY,
        carrier_code text NOT NULL REFERENCES carrier (code),
        delivered boolean NOT NULL DEFAULT false,
        on_time boolean NOT NULL DEFAULT false,
        carrier_fault boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE carrier_performance (
        carrier_code text PRIMARY KEY REFERENCES carrier (code),
        delivered int NOT NULL DEFAULT 0 CHECK (delivered >= 0),
        on_time int NOT NULL DEFAULT 0 CHECK (on_time >= 0),
        carrier_faults int NOT NULL DEFAULT 0 CHECK (carrier_faults >= 0),
        -- delivered or failed by the carrier; a delivered shipment with a fault counts once
        observed int NOT NULL DEFAULT 0 CHECK (observed >= 0),
        CHECK (on_time <= delivered AND delivered <= observed AND carrier_faults <= observed),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of ['shipment_package', 'carrier_outcome', 'carrier_performance'])
      for (const sql of entityChangeTriggersSql(table, 'logistics')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE carrier_performance');
    await q.query('DROP TABLE carrier_outcome');
    await q.query('DROP TABLE shipment_package');
    await q.query('ALTER TABLE shipment DROP COLUMN weight_grams');
  }
}
