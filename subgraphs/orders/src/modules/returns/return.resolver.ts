import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import type { Money } from '../../common/money.type';
import { channelService } from '../channel/channel.service';
import { Channel } from '../channel/channel.type';
import { orderService } from '../order/order.service';
import { Order } from '../order/order.type';
import { RequestReturnInput, ReturnFilter, requestReturnBound, returnFilterBound } from './return.input';
import { returnService } from './return.service';
import { Return, ReturnConnection, ReturnLine, ReturnStatus, ReturnStatusChange } from './return.type';

@Resolver(() => Return)
export class ReturnResolver {
  @RequiresScopes('orders:read')
  @Query(() => Return, {
    nullable: true,
    description: "A return by id; null when there is none or it is of a channel outside the caller's.",
  })
  return(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return returnService.find(ctx, id);
  }

  @RequiresScopes('orders:read')
  @Query(() => ReturnConnection, {
    description:
      "Returns matching the filter, newest request first. A channel-scoped caller gets its channels' returns only, " +
      'whatever the filter.',
  })
  returns(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @BoundedArg('filter', () => ReturnFilter, returnFilterBound, { nullable: true }) filter: ReturnFilter | null,
    @Ctx() ctx: OrdersContext,
  ) {
    return returnService.list(ctx, { first, after, filter });
  }

  @RequiresScopes('orders:write')
  @Mutation(() => Return, {
    description:
      'Asks to return units of a shipped or delivered order. Inside the returns window (ORDERS_RETURN_WINDOW_DAYS ' +
      'from delivery, default 30) with an auto-approved reason it is AUTHORISED at once and inventory routes it; ' +
      'otherwise it waits REQUESTED for an operator (a RETURN_REVIEW desk item). BAD_USER_INPUT listing every ' +
      'problem (unknown order or line, an order not shipped, more units than shipped and not yet in returns); ' +
      "FORBIDDEN for an order of a channel outside the caller's.",
  })
  requestReturn(
    @BoundedArg('input', () => RequestReturnInput, requestReturnBound) input: RequestReturnInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<Return> {
    return returnService.request(ctx, input);
  }

  @RequiresScopes('orders:review')
  @Mutation(() => Return, {
    description:
      'Authorises a REQUESTED return: inventory routes it. CONFLICT from any other status; NOT_FOUND for an ' +
      "unknown id; FORBIDDEN for a return of a channel outside the caller's.",
  })
  authoriseReturn(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext): Promise<Return> {
    return returnService.authorise(ctx, id);
  }

  @RequiresScopes('orders:review')
  @Mutation(() => Return, {
    description:
      'Rejects a REQUESTED return (final); its units may be requested again. CONFLICT from any other status; ' +
      "BAD_USER_INPUT for an empty reason; NOT_FOUND for an unknown id; FORBIDDEN for another channel's return.",
  })
  rejectReturn(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('reason', () => String, Bounds.reason) reason: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<Return> {
    return returnService.reject(ctx, id, reason);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order returned from.' })
  order(@Root() ret: Return, @Ctx() ctx: OrdersContext) {
    return orderService.findById(ctx, ret.orderId);
  }

  @FieldResolver(() => Channel)
  async channel(@Root() ret: Return, @Ctx() ctx: OrdersContext): Promise<Channel> {
    const channel = await channelService.findByCode(ctx, ret.channelCode);
    if (!channel) throw new Error(`Return ${ret.id} references unknown channel ${ret.channelCode}`);
    return channel;
  }

  @FieldResolver(() => [ReturnLine], { description: 'Lines in line-number order.' })
  async lines(@Root() ret: Return, @Ctx() ctx: OrdersContext): Promise<ReturnLine[]> {
    const rows = await ctx.loaders.returnLinesByReturnId.load(ret.id);
    return rows.map((row) => ({
      lineNo: row.lineNo,
      sku: row.sku,
      quantity: row.quantity,
      restocked: row.restocked,
      refurbished: row.refurbished,
      scrapped: row.scrapped,
      refund: row.refund === null ? null : ({ amount: row.refund, currency: ret.currency } satisfies Money),
    }));
  }

  @FieldResolver(() => [ReturnStatusChange], { description: 'Every status change, oldest first.' })
  async history(@Root() ret: Return, @Ctx() ctx: OrdersContext): Promise<ReturnStatusChange[]> {
    const rows = await ctx.loaders.returnHistoryByReturnId.load(ret.id);
    return rows.map((row) => ({
      from: row.from && ReturnStatus[row.from],
      to: ReturnStatus[row.to],
      at: row.at,
      reason: row.reason,
    }));
  }
}
