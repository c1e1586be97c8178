import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest customers (a channel's anonymous buyer, a store's walk-ins) are marked,
 * so identification never matches a real buyer to one; the walk-in guests made
 * before are found by their identity. Customer value: one row per counted order
 * (`customer_value_order`, from `order.placed` and cancellations, whichever
 * comes first) and the customer's totals and RFM tier computed from them
 * (`customer_value`). Customers owns no foreign key to orders: order ids come
 * from events.
 */
export class GuestsAndValue1765310100000 implements MigrationInterface {
  name = 'GuestsAndValue1765310100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE customer ADD COLUMN guest boolean NOT NULL DEFAULT false');
    await q.query(`
      UPDATE customer SET guest = true
       WHERE id IN (SELECT customer_id FROM channel_identity WHERE channel = 'pos' AND external_id LIKE 'walk-in:%')`);
    await q.query(`
      CREATE TABLE customer_value_order (
        order_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        channel text NOT NULL,
        -- NULL until order.placed arrives (a cancellation may come first).
        placed_at timestamptz,
        -- The total in CNY fen; 0 for a currency without a rate.
        value_minor bigint NOT NULL DEFAULT 0,
        cancelled boolean NOT NULL DEFAULT false
      )`);
    await q.query('CREATE INDEX ix_customer_value_order_customer ON customer_value_order (customer_id)');
    await q.query(`
      CREATE TABLE customer_value (
        customer_id uuid PRIMARY KEY,
        orders int NOT NULL,
        monetary_minor bigint NOT NULL,
        first_order_at timestamptz,
        last_order_at timestamptz,
        -- {"tmall": 3, "jd": 1}: counted orders per channel.
        channel_orders jsonb NOT NULL DEFAULT '{}',
        r_score smallint,
        f_score smallint,
        m_score smallint,
        tier text,
        -- When the recency score next drops; the rescore job looks here.
        rescore_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_customer_value_tier ON customer_value (tier, customer_id)');
    await q.query('CREATE INDEX ix_customer_value_rescore ON customer_value (rescore_at) WHERE rescore_at IS NOT NULL');
    // `Customer.value` is cached by the gateway like every answer: writes to these tables drop the cache.
    for (const table of ['customer_value_order', 'customer_value']) {
      for (const sql of entityChangeTriggersSql(table, 'customers')) await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_value');
    await q.query('DROP TABLE customer_value_order');
    await q.query('ALTER TABLE customer DROP COLUMN guest');
  }
}
