import { BoundedArg, Bounds, IntLimits, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { presaleStockService } from './presale-stock.service';
import { PresaleStock } from './presale-stock.type';

// Checked by the service with the other arguments, so every problem is listed together.
const DELTA = `${IntLimits.stockDelta.min}..${IntLimits.stockDelta.max}, not 0.`;

@Resolver(() => PresaleStock)
export class PresaleStockResolver {
  @RequiresScopes('inventory:write')
  @Mutation(() => PresaleStock, {
    description:
      'Changes the presale units of a SKU in a warehouse by delta; recorded in the stock ledger. Regular stock is ' +
      'not touched.',
  })
  adjustPresaleStock(
    @BoundedArg('sku', () => ID, Bounds.sku) sku: string,
    @BoundedArg('warehouseId', () => ID, Bounds.id) warehouseId: string,
    @Arg('delta', () => Int, { description: DELTA }) delta: number,
    @BoundedArg('reason', () => String, Bounds.reason) reason: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return presaleStockService.adjust(ctx, { sku, warehouseId, delta, reason });
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() stock: PresaleStock, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, stock.warehouseId);
  }
}
