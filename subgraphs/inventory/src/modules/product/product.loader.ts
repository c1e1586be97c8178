import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedRead, readRows } from '@supply-graph/shared';
import type { ProductEntity } from './product.entity';

const PRODUCTS = preparedRead<ProductEntity>(
  'inventory.products-by-sku',
  `SELECT sku, name, price, weight_grams AS "weightGrams", discontinued, catalog_version AS "catalogVersion"
     FROM product WHERE sku = ANY($1::text[])`,
);

/** Per-request product loaders: one SQL statement per request, whatever the number of parents. */
export function createProductLoaders(db: DataSource) {
  return {
    productBySku: new DataLoader<string, ProductEntity | null>(async (skus) => {
      const rows = await readRows(db, PRODUCTS, [skus]);
      const bySku = new Map(rows.map((row) => [row.sku, row]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),
  };
}
