import { EventTypes, type ConsumerDefinition, type SqlExecutor } from '@supply-graph/shared';

/**
 * Every product announced again, in the caller's transaction, with its current
 * version: a copy that already has that version keeps it unchanged. The
 * payload is `ProductCatalogued`, as the announcing trigger writes it (see
 * the ProductCatalogue migration).
 */
export async function announceAllProducts(db: SqlExecutor): Promise<void> {
  await db.query(`
    INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source, payload)
    SELECT gen_random_uuid(), 'product.catalogued', 'product', sku, catalog_version, now(), 'inventory',
           jsonb_build_object('sku', sku, 'name', name, 'discontinued', discontinued, 'version', catalog_version)
    FROM product ORDER BY sku`);
}

/** Inventory answers a request for its whole catalogue (`product.catalogue-requested`). */
export function catalogueConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'inventory.catalogue',
      types: [EventTypes.productCatalogueRequested],
      async handle(_event, tx) {
        await announceAllProducts(tx.manager);
      },
    },
  ];
}
