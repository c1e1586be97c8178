import { BoundedArg, Bounds, IntLimits, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { stockAdjustService } from './stock-adjust.service';
import { StockLevel } from './stock-level.type';

// Checked by the service with the other arguments, so every problem is listed together.
const DELTA = `${IntLimits.stockDelta.min}..${IntLimits.stockDelta.max}, not 0.`;

@Resolver(() => StockLevel)
export class StockLevelResolver {
  @RequiresScopes('inventory:write')
  @Mutation(() => StockLevel, {
    description: 'Corrects on-hand stock by delta (a count, damage, found units); recorded in the stock ledger.',
  })
  adjustStock(
    @BoundedArg('sku', () => ID, Bounds.sku) sku: string,
    @BoundedArg('warehouseId', () => ID, Bounds.id) warehouseId: string,
    @Arg('delta', () => Int, { description: DELTA }) delta: number,
    @BoundedArg('reason', () => String, Bounds.reason) reason: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return stockAdjustService.adjust(ctx, { sku, warehouseId, delta, reason });
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, level.warehouseId);
  }
}
