import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The carriers the platform ships with exist in every database, seeded or not. */
export class CarrierReferenceData1764200000000 implements MigrationInterface {
  name = 'CarrierReferenceData1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO carrier (code, name, mode) VALUES
        ('sf', 'SF Express', 'EXPRESS'), ('jd-logistics', 'JD Logistics', 'EXPRESS'),
        ('zto', 'ZTO Express', 'ROAD'), ('yto', 'YTO Express', 'ROAD'), ('ems', 'China Post EMS', 'AIR')
      ON CONFLICT (code) DO NOTHING`);
  }

  async down(): Promise<void> {
    // Reference rows may be referenced by shipments; they stay.
  }
}
