import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `customer_value_refund`: what each settled return refunded (from `return.refunded`), in CNY fen, so customer
 * value counts what a buyer kept, not what they once paid. Keyed by the return: a repeated event counts once.
 * Keyed to the order, not the customer: the order's row says whose value it is.
 */
export class ValueRefunds1765480000000 implements MigrationInterface {
  name = 'ValueRefunds1765480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_value_refund (
        return_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        refund_minor bigint NOT NULL CHECK (refund_minor >= 0),
        refunded_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_customer_value_refund_order ON customer_value_refund (order_id)');
    // Like the other value tables: a write drops the gateway's cached `Customer.value` answers.
    for (const sql of entityChangeTriggersSql('customer_value_refund', 'customers')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_value_refund');
  }
}
