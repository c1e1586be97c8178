import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What orders learns from logistics' events (each shipment's status, and how
 * many the order has) to decide SHIPPED and DELIVERED; and the sales channels
 * every database needs, seeded or not.
 */
export class Fulfilment1764200000000 implements MigrationInterface {
  name = 'Fulfilment1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_shipment (
        shipment_id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        status text NOT NULL,
        shipments_in_order int NOT NULL CHECK (shipments_in_order > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_order_shipment_order ON order_shipment (order_id)');
    await q.query(`
      INSERT INTO channel (code, name, kind) VALUES
        ('webstore', 'Own web store', 'WEBSTORE'), ('shopify', 'Shopify store', 'WEBSTORE'),
        ('tmall', 'Tmall', 'MARKETPLACE'), ('jd', 'JD.com', 'MARKETPLACE'), ('amazon', 'Amazon', 'MARKETPLACE'),
        ('douyin', 'Douyin Shop', 'SOCIAL'), ('pos', 'Retail stores (POS)', 'OFFLINE')
      ON CONFLICT (code) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE order_shipment');
  }
}
