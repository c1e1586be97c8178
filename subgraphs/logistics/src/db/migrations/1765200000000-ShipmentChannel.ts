import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sales channel of each shipment's order, so a channel-scoped caller sees
 * and changes only its channels' shipments. Logistics learns it from
 * `stock.reserved`; rows planned before (or from events without it) stay NULL,
 * and such a shipment is seen only by callers that see every channel: a
 * channel-scoped caller never sees it (fail closed).
 */
export class ShipmentChannel1765200000000 implements MigrationInterface {
  name = 'ShipmentChannel1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // No index: every scoped read narrows by id, order, customer or tracking number first.
    await q.query('ALTER TABLE shipment ADD COLUMN channel text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE shipment DROP COLUMN channel');
  }
}
