import { BoundedArg, Bounds, IntLimits, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../../context';
import { BASELINE_SAMPLES, BASELINE_WEEKS } from './promotion-measure';
import { PlanPromotionInput, planPromotionBound } from './promotion.input';
import { promotionService } from './promotion.service';
import { Promotion, PromotionStatus } from './promotion.type';

const SCOPED = 'A channel-scoped caller sees only promotions all of whose channels are its own.';

@Resolver(() => Promotion)
export class PromotionResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [Promotion], {
    description:
      'Planned promotions, the latest window first: of one status (omitted: every one not cancelled), covering a ' +
      `SKU (named, or as the whole catalogue), running on a channel (named, or on every channel). ${SCOPED}`,
  })
  promotions(
    @Arg('status', () => PromotionStatus, { nullable: true }) status: PromotionStatus | null,
    @BoundedArg('sku', () => ID, Bounds.sku, { nullable: true }) sku: string | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { defaultValue: IntLimits.pageSize.max }) first: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return promotionService.list(ctx, { status: status ?? null, sku: sku ?? null, channel: channel ?? null, first });
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => Promotion, {
    description:
      'Plans a promotion: from now on the forecasts of its SKUs at every warehouse are raised on its days, by its ' +
      "uplift on its channels' share of their demand. BAD_USER_INPUT lists every problem; FORBIDDEN, with nothing " +
      'stored, for a channel-scoped caller planning on every channel or on a channel not its own.',
  })
  planPromotion(
    @BoundedArg('input', () => PlanPromotionInput, planPromotionBound) input: PlanPromotionInput,
    @Ctx() ctx: InventoryContext,
  ) {
    return promotionService.plan(ctx, input);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => Promotion, {
    description:
      'Calls a promotion off: it stops counting in every forecast (its days gone by too); cancelling again changes ' +
      'nothing. NOT_FOUND for no such promotion; FORBIDDEN for one a channel-scoped caller cannot see.',
  })
  cancelPromotion(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: InventoryContext) {
    return promotionService.cancel(ctx, id);
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The uplift it brought so far: actualUnits / baselineUnits, to compare with the planned uplift. Null until ' +
      'its first day is over, or when its SKUs had no usual demand through its channels.',
  })
  async measuredUplift(@Root() promotion: Promotion, @Ctx() ctx: InventoryContext) {
    return (await promotionService.measurement(ctx, promotion))?.uplift ?? null;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Days of its window measured: those over (before today, UTC). Null until its first day is over.',
  })
  async measuredDays(@Root() promotion: Promotion, @Ctx() ctx: InventoryContext) {
    return (await promotionService.measurement(ctx, promotion))?.days ?? null;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Units demanded on the measured days, of its SKUs through its channels (met or not). Null until its first ' +
      'day is over.',
  })
  async actualUnits(@Root() promotion: Promotion, @Ctx() ctx: InventoryContext) {
    return (await promotionService.measurement(ctx, promotion))?.actualUnits ?? null;
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Units usual on the measured days, of its SKUs through its channels: per weekday, the mean of the last ' +
      `${BASELINE_SAMPLES} same weekdays in the ${BASELINE_WEEKS} weeks before the window, leaving out days another ` +
      'promotion of the same SKUs and channels ran. Null until its first day is over.',
  })
  async baselineUnits(@Root() promotion: Promotion, @Ctx() ctx: InventoryContext) {
    return (await promotionService.measurement(ctx, promotion))?.baselineUnits ?? null;
  }
}
