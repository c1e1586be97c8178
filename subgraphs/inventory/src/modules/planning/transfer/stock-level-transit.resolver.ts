import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { StockLevel } from '../../stock/stock-level.type';

/** A stock level's transfers on the way, in and out, through the per-request loader (one statement per request). */
@Resolver(() => StockLevel)
export class StockLevelTransitResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    description: 'Units on their way here from other warehouses, not yet received: in neither onHand nor available.',
  })
  async inTransitIn(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await ctx.loaders.inTransitBySku.load(level.sku)).get(level.warehouseId)?.inbound ?? 0;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    description: 'Units sent from here to other warehouses and not yet received there: already out of onHand.',
  })
  async inTransitOut(@Root() level: StockLevel, @Ctx() ctx: InventoryContext) {
    return (await ctx.loaders.inTransitBySku.load(level.sku)).get(level.warehouseId)?.outbound ?? 0;
  }
}
