import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { stockLevelService } from '../stock/stock-level.service';
import { StockLevel } from '../stock/stock-level.type';
import { productService } from './product.service';
import { Product, ProductConnection } from './product.type';

@Resolver(() => Product)
export class ProductResolver {
  @RequiresScopes('inventory:read')
  @Query(() => Product, { nullable: true, description: 'A product by SKU; null when there is none.' })
  product(@BoundedArg('sku', () => ID, Bounds.sku) sku: string, @Ctx() ctx: InventoryContext) {
    return productService.findBySku(ctx, sku);
  }

  @RequiresScopes('inventory:read')
  @Query(() => ProductConnection, { description: 'The catalogue, ordered by SKU.' })
  products(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return productService.page(ctx, { first, after });
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => [StockLevel], {
    description: 'Stock in every warehouse that holds the product, by warehouse code.',
  })
  stockLevels(@Root() product: Product, @Ctx() ctx: InventoryContext) {
    return stockLevelService.levelsForSku(ctx, product.sku);
  }

  @FieldResolver(() => Int, { description: 'Units available to sell, summed over warehouses.' })
  available(@Root() product: Product, @Ctx() ctx: InventoryContext) {
    return stockLevelService.availableForSku(ctx, product.sku);
  }
}
