import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory announces its catalogue: every product created or changed writes a
 * `product.catalogued` event to the outbox in the writer's own transaction, so
 * orders can keep a local copy and check SKUs without asking inventory.
 *
 * Triggers rather than a call in each service: products are written by the
 * seed's bulk insert, by tests and by operators with SQL as well as by code,
 * and an announcement must follow every one of those writes or the copy
 * drifts. The payload matches `ProductCatalogued` in the event catalogue.
 * `catalog_version` grows by one with each change that orders can see (name,
 * discontinued), so a copy keeps the newest whatever order events arrive in.
 *
 * Products already in the database (a `.data` directory seeded before this
 * migration) are announced here, once, with their version 1.
 */
export class ProductCatalogue1764910000000 implements MigrationInterface {
  name = 'ProductCatalogue1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE product
        ADD COLUMN discontinued boolean NOT NULL DEFAULT false,
        ADD COLUMN catalog_version int NOT NULL DEFAULT 1`);
    // SET search_path FROM CURRENT: the functions use this schema's outbox whoever writes the product.
    await q.query(`
      CREATE FUNCTION product_catalog_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.discontinued IS DISTINCT FROM OLD.discontinued THEN
          NEW.catalog_version := OLD.catalog_version + 1;
        ELSE
          NEW.catalog_version := OLD.catalog_version;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION product_catalog_announce() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.catalog_version = OLD.catalog_version THEN
          RETURN NULL;
        END IF;
        INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source,
          payload)
        VALUES (gen_random_uuid(), 'product.catalogued', 'product', NEW.sku, NEW.catalog_version, now(), 'inventory',
                jsonb_build_object('sku', NEW.sku, 'name', NEW.name, 'discontinued', NEW.discontinued, 'version',
                  NEW.catalog_version));
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER product_catalog_bump BEFORE UPDATE ON product FOR EACH ROW ' +
        'EXECUTE FUNCTION product_catalog_bump()',
    );
    await q.query(
      'CREATE TRIGGER product_catalog_announce AFTER INSERT OR UPDATE ON product FOR EACH ROW ' +
        'EXECUTE FUNCTION product_catalog_announce()',
    );
    await q.query(`
      INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source, payload)
      SELECT gen_random_uuid(), 'product.catalogued', 'product', sku, catalog_version, now(), 'inventory',
             jsonb_build_object('sku', sku, 'name', name, 'discontinued', discontinued, 'version', catalog_version)
      FROM product ORDER BY sku`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER product_catalog_announce ON product');
    await q.query('DROP TRIGGER product_catalog_bump ON product');
    await q.query('DROP FUNCTION product_catalog_announce()');
    await q.query('DROP FUNCTION product_catalog_bump()');
    await q.query('ALTER TABLE product DROP COLUMN catalog_version, DROP COLUMN discontinued');
  }
}
