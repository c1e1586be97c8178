import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { InventoryContext } from './context';
import { AllocationResolver } from './modules/allocation/allocation.resolver';
import { OrderAllocationsResolver } from './modules/allocation/order-allocations.resolver';
import { OrderRef } from './modules/allocation/order-ref.type';
import { ProductResolver } from './modules/product/product.resolver';
import { productService } from './modules/product/product.service';
import { StockLevelResolver } from './modules/stock/stock-level.resolver';
import { WarehouseResolver } from './modules/warehouse/warehouse.resolver';
import { warehouseService } from './modules/warehouse/warehouse.service';

export function buildInventorySchema() {
  return buildFederatedSchema(
    {
      resolvers: [WarehouseResolver, ProductResolver, StockLevelResolver, AllocationResolver, OrderAllocationsResolver],
      // Order is reachable only through `_entities`, so type-graphql must be told to emit it.
      orphanedTypes: [OrderRef],
      scalarsMap,
    },
    {
      Warehouse: {
        __resolveReference: (ref: { id: string }, ctx: InventoryContext) => warehouseService.findById(ctx, ref.id),
      },
      Product: {
        __resolveReference: (ref: { sku: string }, ctx: InventoryContext) => productService.findBySku(ctx, ref.sku),
      },
      // Orders live in the orders subgraph; the key is all `allocations` needs, so no SQL here.
      Order: {
        __resolveReference: (ref: { id: string }): OrderRef => ({ id: ref.id }),
      },
    },
  );
}
