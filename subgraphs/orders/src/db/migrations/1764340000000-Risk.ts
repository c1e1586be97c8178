import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the risk rules look up in the orders' own table: a normalised shipping
 * address key, stored with every order (seeded ones too, being a generated
 * column), and indexes for the velocity, shared-address and usual-country
 * look-ups, so scoring an order costs a few short index ranges.
 */
export class Risk1764340000000 implements MigrationInterface {
  name = 'Risk1764340000000';

  async up(q: QueryRunner): Promise<void> {
    // One key for "the same address" whoever typed it: country, city, street line and postal code,
    // lower case, without spaces or punctuation. No key without a street line (a bare city is not an
    // address), nor for a line the channel masked ("** 栋 ***"): strangers would share it.
    await q.query(`
      CREATE FUNCTION risk_address_key(line1 text, city text, postal text, country text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN line1 IS NULL OR strpos(line1, '*') > 0 THEN NULL
          WHEN regexp_replace(lower(line1), '[[:space:][:punct:]]+', '', 'g') = '' THEN NULL
          ELSE upper(btrim(coalesce(country, ''))) || '|'
            || regexp_replace(lower(coalesce(city, '')), '[[:space:][:punct:]]+', '', 'g') || '|'
            || regexp_replace(lower(line1), '[[:space:][:punct:]]+', '', 'g') || '|'
            || regexp_replace(lower(coalesce(postal, '')), '[^[:alnum:]]+', '', 'g')
        END
      $$`);
    await q.query(`
      ALTER TABLE sales_order ADD COLUMN ship_address_key text
        GENERATED ALWAYS AS (risk_address_key(ship_line1, ship_city, ship_postal_code, ship_country)) STORED`);
    // Partial: orders without a phone or a full address (most marketplace orders) cost nothing here.
    await q.query(
      'CREATE INDEX ix_sales_order_risk_phone ON sales_order (ship_phone, placed_at) WHERE ship_phone IS NOT NULL',
    );
    await q.query(
      `CREATE INDEX ix_sales_order_risk_address ON sales_order (ship_address_key, placed_at) INCLUDE (customer_id)
       WHERE ship_address_key IS NOT NULL`,
    );
    await q.query('CREATE INDEX ix_sales_order_customer_country ON sales_order (customer_id, ship_country)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_sales_order_customer_country');
    await q.query('DROP INDEX ix_sales_order_risk_address');
    await q.query('DROP INDEX ix_sales_order_risk_phone');
    await q.query('ALTER TABLE sales_order DROP COLUMN ship_address_key');
    await q.query('DROP FUNCTION risk_address_key(text, text, text, text)');
  }
}
