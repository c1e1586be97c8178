import { BoundedArg, Bounds, IntLimits, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { Product } from '../../product/product.type';
import { promotionService } from './promotion.service';
import { Promotion, PromotionStatus } from './promotion.type';

@Resolver(() => Product)
export class ProductPromotionsResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => [Promotion], {
    description:
      'Promotions covering the product (by name or as the whole catalogue), the latest window first: of one status ' +
      '(omitted: every one not cancelled), running on a channel (named, or on every channel). A channel-scoped ' +
      'caller sees only promotions all of whose channels are its own.',
  })
  promotions(
    @Root() product: Product,
    @Arg('status', () => PromotionStatus, { nullable: true }) status: PromotionStatus | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { defaultValue: IntLimits.pageSize.max }) first: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return promotionService.forSku(ctx, product.sku, { status: status ?? null, channel: channel ?? null, first });
  }
}
