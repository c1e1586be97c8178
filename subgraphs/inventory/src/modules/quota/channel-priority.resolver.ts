import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { DEFAULT_CHANNEL_PRIORITY, PRIORITY_RANGE } from './channel-priority.rule';
import { channelPriorityService } from './channel-priority.service';
import { ChannelPriority } from './channel-priority.type';

@Resolver(() => ChannelPriority)
export class ChannelPriorityResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [ChannelPriority], {
    description:
      'Channel priorities, highest first (ties by channel): every one set, or the one channel asked for (its ' +
      `default, ${DEFAULT_CHANNEL_PRIORITY}, when none was set). A channel-scoped caller gets its own channels only, ` +
      'each with its default when none was set.',
  })
  channelPriorities(
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelPriorityService.list(ctx, channel ?? null);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => ChannelPriority, {
    description:
      "Sets a channel's priority: when stock is short, waiting orders are served by priority (higher first), then " +
      'age; waiting orders the change lets through are allocated at once. FORBIDDEN for a channel-scoped caller ' +
      '(ranking channels is for a caller who sees them all).',
  })
  setChannelPriority(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @Arg('priority', () => Int, { description: `${PRIORITY_RANGE.min}..${PRIORITY_RANGE.max}.` }) priority: number,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelPriorityService.set(ctx, channel, priority);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => Boolean, {
    description:
      `Puts a channel back on the default priority (${DEFAULT_CHANNEL_PRIORITY}); false when it had none set. ` +
      'FORBIDDEN for a channel-scoped caller.',
  })
  removeChannelPriority(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @Ctx() ctx: InventoryContext,
  ) {
    return channelPriorityService.remove(ctx, channel);
  }
}
