import { BoundedArg, Bounds, IntLimits, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { channelQuotaService } from './channel-quota.service';
import { ChannelQuota } from './channel-quota.type';

@Resolver(() => ChannelQuota)
export class ChannelQuotaResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [ChannelQuota], {
    description:
      "Channel quotas of one SKU, or of every SKU (a channel-scoped caller's channels only); by SKU, then channel.",
  })
  channelQuotas(
    @BoundedArg('sku', () => ID, Bounds.sku, { nullable: true }) sku: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelQuotaService.list(ctx, sku ?? null);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => ChannelQuota, {
    description:
      'Caps what one channel may hold of a SKU: maxUnits units, or maxShare of its on-hand units (exactly one of the ' +
      'two). ' +
      'Waiting orders that now fit are allocated at once. FORBIDDEN, with nothing stored, for a channel outside a ' +
      "channel-scoped caller's channels.",
  })
  setChannelQuota(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('sku', () => ID, Bounds.sku) sku: string,
    @Arg('maxUnits', () => Int, {
      nullable: true,
      description: `${IntLimits.quotaUnits.min}..${IntLimits.quotaUnits.max}.`,
    })
    maxUnits: number | null,
    @Arg('maxShare', () => Float, { nullable: true, description: '0..1, at most 4 decimals.' }) maxShare: number | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelQuotaService.set(ctx, { channel, sku, maxUnits, maxShare });
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => Boolean, {
    description:
      "Lifts a channel's quota for a SKU; false when there was none. FORBIDDEN for a channel outside a " +
      "channel-scoped caller's channels.",
  })
  removeChannelQuota(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('sku', () => ID, Bounds.sku) sku: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelQuotaService.remove(ctx, channel, sku);
  }
}
