import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ProductEntity } from './product.entity';

/** Per-request product loaders: one SQL statement per request, whatever the number of parents. */
export function createProductLoaders(db: DataSource) {
  return {
    productBySku: new DataLoader<string, ProductEntity | null>(async (skus) => {
      const rows = await db.getRepository(ProductEntity).findBy({ sku: In([...skus]) });
      const bySku = new Map(rows.map((row) => [row.sku, row]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),
  };
}
