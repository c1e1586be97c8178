import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What intake needs to accept an order while a peer is down:
 * - `catalog_product`, orders' copy of inventory's catalogue, kept from
 *   `product.catalogued` events, so SKUs are checked without asking inventory;
 * - `sales_order.customer_id` nullable: an order whose buyer customers could
 *   not identify in time is stored without one and completed when
 *   `buyer.identified` arrives (the partial index finds those still waiting).
 */
export class LocalCatalogueAndAsyncBuyer1764910000000 implements MigrationInterface {
  name = 'LocalCatalogueAndAsyncBuyer1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_product (
        sku text PRIMARY KEY,
        name text NOT NULL,
        discontinued boolean NOT NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('ALTER TABLE sales_order ALTER COLUMN customer_id DROP NOT NULL');
    await q.query('CREATE INDEX ix_sales_order_awaiting_buyer ON sales_order (placed_at) WHERE customer_id IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_sales_order_awaiting_buyer');
    await q.query('ALTER TABLE sales_order ALTER COLUMN customer_id SET NOT NULL');
    await q.query('DROP TABLE catalog_product');
  }
}
