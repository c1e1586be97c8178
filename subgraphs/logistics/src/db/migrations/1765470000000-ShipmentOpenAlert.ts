import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `shipment.open_alert_key`: the desk alert of the shipment's current EXCEPTION (its key names the moment the
 * shipment became one, which later scans cannot tell again). Set when the alert is raised, used and emptied when
 * the shipment leaves EXCEPTION (`alert.cleared`: the desk closes the work item AUTO_CLEARED).
 */
export class ShipmentOpenAlert1765470000000 implements MigrationInterface {
  name = 'ShipmentOpenAlert1765470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE shipment ADD COLUMN open_alert_key text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE shipment DROP COLUMN open_alert_key');
  }
}
