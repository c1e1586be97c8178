import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { Product } from '../../product/product.type';
import { DEFAULT_DEMAND_DAYS, demandService, MAX_DEMAND_DAYS } from './demand.service';
import { DemandDay } from './demand.type';

@Resolver(() => Product)
export class ProductDemandResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => [DemandDay], {
    description:
      `Daily demand for the product, oldest first, from \`from\` to \`to\` (UTC days, YYYY-MM-DD, inclusive; ` +
      `\`to\` defaults to today, \`from\` to ${DEFAULT_DEMAND_DAYS} days before it; at most ${MAX_DEMAND_DAYS} ` +
      'days). Days without demand have no entry.',
  })
  demandHistory(
    @Root() product: Product,
    @BoundedArg('warehouseId', () => ID, Bounds.id, { nullable: true }) warehouseId: string | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @BoundedArg('from', () => String, Bounds.code, { nullable: true }) from: string | null,
    @BoundedArg('to', () => String, Bounds.code, { nullable: true }) to: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return demandService.historyForSku(ctx, product.sku, {
      warehouseId: warehouseId ?? null,
      channel: channel ?? null,
      from: from ?? null,
      to: to ?? null,
    });
  }
}
