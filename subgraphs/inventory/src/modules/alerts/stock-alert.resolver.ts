import { RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { stockAlertService } from './stock-alert.service';
import { StockAlert } from './stock-alert.type';

@Resolver(() => StockAlert)
export class StockAlertResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [StockAlert], {
    description: 'Stock alerts, newest first: open ones (the default), closed ones (false), or all (null).',
  })
  stockAlerts(
    @Arg('open', () => Boolean, { nullable: true, defaultValue: true }) open: boolean | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return stockAlertService.list(ctx, open ?? null);
  }

  @FieldResolver(() => Warehouse, {
    nullable: true,
    description: "The stock level's warehouse; null for alerts about the SKU as a whole.",
  })
  warehouse(@Root() alert: StockAlert, @Ctx() ctx: InventoryContext) {
    return alert.warehouseId ? warehouseService.referenced(ctx, alert.warehouseId) : null;
  }
}
