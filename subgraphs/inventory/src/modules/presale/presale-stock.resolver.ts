import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { presaleStockService } from './presale-stock.service';
import { PresaleStock } from './presale-stock.type';

@Resolver(() => PresaleStock)
export class PresaleStockResolver {
  @Mutation(() => PresaleStock, {
    description: 'Changes the presale units of a SKU in a warehouse by delta; recorded in the stock ledger. Regular stock is not touched.',
  })
  adjustPresaleStock(
    @Arg('sku', () => ID) sku: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('delta', () => Int) delta: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return presaleStockService.adjust(ctx, { sku, warehouseId, delta, reason });
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() stock: PresaleStock, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, stock.warehouseId);
  }
}
