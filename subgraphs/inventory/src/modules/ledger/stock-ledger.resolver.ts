import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { stockLedgerService } from './stock-ledger.service';
import { StockLedgerMismatch } from './stock-ledger.type';

@Resolver(() => StockLedgerMismatch)
export class StockLedgerResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [StockLedgerMismatch], {
    description:
      'Stock levels (of one SKU, or all) that differ from the sum of their movements; empty when the ledger is ' +
      'consistent.',
  })
  stockLedgerCheck(
    @BoundedArg('sku', () => ID, Bounds.sku, { nullable: true }) sku: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return stockLedgerService.check(ctx, sku ?? null);
  }

  @FieldResolver(() => Warehouse, {
    nullable: true,
    description: 'Null when movements name a warehouse that does not exist.',
  })
  warehouse(@Root() row: StockLedgerMismatch, @Ctx() ctx: InventoryContext) {
    return warehouseService.findById(ctx, row.warehouseId);
  }
}
