import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tax the buyer pays on an order, in integer minor units. Orders stored
 * before it have 0: their intake left tax out (the 'tax-not-in-total' repair
 * in their intake record says how much).
 */
export class OrderTax1764500000000 implements MigrationInterface {
  name = 'OrderTax1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE sales_order ADD COLUMN tax_minor bigint NOT NULL DEFAULT 0 CONSTRAINT ck_sales_order_tax CHECK ' +
        '(tax_minor >= 0)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sales_order DROP COLUMN tax_minor');
  }
}
