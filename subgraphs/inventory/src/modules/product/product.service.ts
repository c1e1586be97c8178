import { encodeCursor, pageArgs, toPage, type Page } from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { ProductEntity } from './product.entity';
import type { Product } from './product.type';

export interface ProductPageArgs {
  first?: number | null;
  after?: string | null;
}

const toProduct = (row: ProductEntity): Product => ({
  sku: row.sku,
  name: row.name,
  weightGrams: row.weightGrams,
});

// SKUs are unique, so the SKU is both the sort key and the tie-breaker.
const cursorOf = (p: Product) => encodeCursor(p.sku, p.sku);

/** Reads of the product catalogue. */
export const productService = {
  /** A product by SKU through the request's loader; null when there is none. */
  async findBySku(ctx: InventoryContext, sku: string): Promise<Product | null> {
    const row = await ctx.loaders.productBySku.load(sku);
    return row && toProduct(row);
  },

  /** Products ordered by SKU, cursor-paged. */
  async page(ctx: InventoryContext, args: ProductPageArgs): Promise<Page<Product>> {
    const { first, after } = pageArgs(args.first, args.after);
    const repo = ctx.db.getRepository(ProductEntity);
    const totalCount = await repo.count();
    const qb = repo.createQueryBuilder('p');
    if (after) qb.where('p.sku > :afterSku', { afterSku: after.id });
    const rows = await qb
      .orderBy('p.sku', 'ASC')
      .take(first + 1)
      .getMany();
    for (const row of rows) ctx.loaders.productBySku.prime(row.sku, row);
    return toPage(rows.map(toProduct), first, totalCount, cursorOf);
  },
};
