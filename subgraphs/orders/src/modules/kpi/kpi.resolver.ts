import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { channelService } from '../channel/channel.service';
import { Channel } from '../channel/channel.type';
import { kpiService } from './kpi.service';
import { ChannelDayKpi } from './kpi.type';

@Resolver(() => ChannelDayKpi)
export class KpiResolver {
  @RequiresScopes('orders:read')
  @Query(() => [ChannelDayKpi], {
    description:
      'Order KPIs per channel and UTC day for orders placed in [from, to) (at most 366 days), sorted by channel then ' +
      "day; days without orders are absent; a channel-scoped caller gets its channels' rows only. BAD_USER_INPUT " +
      'when to is not after from.',
  })
  channelKpis(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<ChannelDayKpi[]> {
    return kpiService.channelKpis(ctx, from, to, channel);
  }

  @FieldResolver(() => Channel, { description: 'The sales channel the orders came through.' })
  async channel(@Root() kpi: ChannelDayKpi, @Ctx() ctx: OrdersContext): Promise<Channel> {
    const channel = await channelService.findByCode(ctx, kpi.channelCode);
    // sales_order.channel_code is a foreign key: a missing channel means a broken database.
    if (!channel) throw new Error(`KPI row references unknown channel ${kpi.channelCode}`);
    return channel;
  }
}
