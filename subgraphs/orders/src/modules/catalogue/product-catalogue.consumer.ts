import {
  EventTypes,
  type ConsumerDefinition,
  type EventTransaction,
  type ProductCatalogued,
} from '@supply-graph/shared';

/**
 * Keeps orders' copy of inventory's catalogue (`catalog_product`) from
 * `product.catalogued`. The highest version wins, so a late or repeated
 * announcement never overwrites a newer one.
 */
export function productCatalogueConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.catalogue',
      types: [EventTypes.productCatalogued],
      async handle(event, tx) {
        await recordCatalogued(tx, event.payload as ProductCatalogued);
      },
    },
  ];
}

/** Upserts one announced product; an older version than the one kept changes nothing. */
export async function recordCatalogued(
  tx: Pick<EventTransaction, 'manager'>,
  product: ProductCatalogued,
): Promise<void> {
  await tx.manager.query(
    `INSERT INTO catalog_product (sku, name, discontinued, version, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, discontinued = EXCLUDED.discontinued,
     version = EXCLUDED.version, updated_at = now()
     WHERE catalog_product.version < EXCLUDED.version`,
    [product.sku, product.name, product.discontinued, product.version],
  );
}
