import { Authenticated } from '@supply-graph/shared';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { channelService } from './channel.service';
import { Channel } from './channel.type';

@Resolver(() => Channel)
export class ChannelResolver {
  @Authenticated()
  @Query(() => [Channel], {
    description: 'Every sales channel the caller sees (a channel-scoped caller: its own), ordered by code.',
  })
  channels(@Ctx() ctx: OrdersContext) {
    return channelService.list(ctx);
  }
}
