import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { returnKpis } from './return-kpi.service';
import { ReturnKpis } from './return.type';

@Resolver()
export class ReturnKpiResolver {
  @RequiresScopes('orders:read')
  @Query(() => ReturnKpis, {
    description:
      'Return rates of the orders placed in [from, to) (at most 366 days) that shipped: units returned (in returns ' +
      "not rejected) over units shipped, by SKU, channel and reason. A channel-scoped caller counts its channels' " +
      'orders only. BAD_USER_INPUT when to is not after from.',
  })
  returnKpis(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<ReturnKpis> {
    return returnKpis(ctx, from, to, channel);
  }
}
