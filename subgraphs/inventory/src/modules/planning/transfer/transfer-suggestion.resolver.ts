import { BoundedArg, Bounds, intBound, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { warehouseService } from '../../warehouse/warehouse.service';
import { Warehouse } from '../../warehouse/warehouse.type';
import { DEFAULT_SUGGESTION_DAYS, MAX_SUGGESTION_DAYS, suggestTransfers } from './transfer-suggestion.service';
import { TransferSuggestion } from './transfer.type';

@Resolver(() => TransferSuggestion)
export class TransferSuggestionResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [TransferSuggestion], {
    description:
      'Transfers worth making for one SKU (or every SKU) over the coming days: where planned demand (stored ' +
      "forecasts x planned promotions) exceeds a warehouse's available and inbound units, covered from warehouses " +
      'holding more than their own demand and safety stock, nearest first. The most short warehouse first; by SKU.',
  })
  transferSuggestions(
    @BoundedArg('sku', () => ID, Bounds.sku, { nullable: true }) sku: string | null,
    @BoundedArg('days', () => Int, intBound({ min: 1, max: MAX_SUGGESTION_DAYS }), {
      nullable: true,
      defaultValue: DEFAULT_SUGGESTION_DAYS,
      description: 'Days ahead to plan for, today first (UTC).',
    })
    days: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return suggestTransfers(ctx, sku ?? null, days ?? DEFAULT_SUGGESTION_DAYS);
  }

  @FieldResolver(() => Warehouse, { description: 'Where the units would leave.' })
  fromWarehouse(@Root() s: TransferSuggestion, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, s.fromWarehouseId);
  }

  @FieldResolver(() => Warehouse, { description: 'Where they are needed.' })
  toWarehouse(@Root() s: TransferSuggestion, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, s.toWarehouseId);
  }
}
