import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { Product } from '../product/product.type';
import { Warehouse } from '../warehouse/warehouse.type';
import {
  ProductDimensionsInput,
  SetWarehouseBoxesInput,
  productDimensionsBound,
  setWarehouseBoxesBound,
} from './packaging.input';
import { packagingService } from './packaging.service';
import { Box, PackagingKpi, ProductDimensions } from './packaging.type';

@Resolver(() => Warehouse)
export class WarehouseBoxesResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => [Box], { description: "The warehouse's box catalogue, smallest first." })
  boxes(@Root() warehouse: Warehouse, @Ctx() ctx: InventoryContext) {
    return packagingService.boxes(ctx, warehouse.id);
  }
}

@Resolver(() => Product)
export class ProductDimensionsResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => ProductDimensions, {
    nullable: true,
    description: 'Packed size; null when not measured (packing then assumes 200 x 150 x 100 mm and says so).',
  })
  dimensions(@Root() product: Product, @Ctx() ctx: InventoryContext) {
    return packagingService.dimensions(ctx, product.sku);
  }
}

@Resolver(() => PackagingKpi)
export class PackagingResolver {
  @RequiresScopes('inventory:write')
  @Mutation(() => Product, {
    description:
      "Sets a product's packed size (and its weight, if given): orders reserved from now on are packed with it. " +
      'FORBIDDEN for a channel-scoped caller; NOT_FOUND for an unknown SKU.',
  })
  setProductDimensions(
    @BoundedArg('sku', () => ID, Bounds.sku) sku: string,
    @BoundedArg('input', () => ProductDimensionsInput, productDimensionsBound) input: ProductDimensionsInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return packagingService.setProductDimensions(ctx, sku, input);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => [Box], {
    description:
      "Replaces a warehouse's box catalogue (an empty list: no packing there). Codes unique, at most one default, " +
      'each weight limit above its tare (BAD_USER_INPUT lists every problem). FORBIDDEN for a channel-scoped caller.',
  })
  setWarehouseBoxes(
    @BoundedArg('input', () => SetWarehouseBoxesInput, setWarehouseBoxesBound) input: SetWarehouseBoxesInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return packagingService.setWarehouseBoxes(ctx, input.warehouseId, input.boxes);
  }

  @RequiresScopes('inventory:read')
  @Query(() => PackagingKpi, {
    description:
      'Packaging of the orders reserved at a warehouse over UTC days from..to (YYYY-MM-DD, both included, to not ' +
      "after today): parcels, box volume against the warehouse's default box, void fill, volume saved. A " +
      "channel-scoped caller's count its channels only.",
  })
  packagingKpis(
    @BoundedArg('warehouseId', () => ID, Bounds.id) warehouseId: string,
    @BoundedArg('from', () => String, Bounds.code) from: string,
    @BoundedArg('to', () => String, Bounds.code) to: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return packagingService.kpis(ctx, warehouseId, from, to);
  }
}
