import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { Channel } from '../channel/channel.type';
import { CustomerRef } from '../customer-orders/customer-ref.type';
import { OrderFilter, orderFilterBound } from './order.input';
import { orderService } from './order.service';
import { Order, OrderConnection, OrderLine, OrderStatusChange } from './order.type';

@Resolver(() => Order)
export class OrderResolver {
  @RequiresScopes('orders:read')
  @Query(() => Order, {
    nullable: true,
    description: "An order by id; null when there is none or it is of a channel outside the caller's.",
  })
  order(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return orderService.findById(ctx, id);
  }

  @RequiresScopes('orders:read')
  @Query(() => Order, {
    nullable: true,
    description: "An order by the channel's own order number; null for a channel outside the caller's.",
  })
  orderByExternalId(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('externalId', () => String, Bounds.externalId) externalId: string,
    @Ctx() ctx: OrdersContext,
  ) {
    return orderService.findByExternalId(ctx, channel, externalId);
  }

  @RequiresScopes('orders:read')
  @Query(() => OrderConnection, {
    description:
      "Orders matching the filter, newest first (placedAt, then id). A channel-scoped caller gets its channels' " +
      'orders only, whatever the filter: a channel outside them gives an empty page.',
  })
  orders(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @BoundedArg('filter', () => OrderFilter, orderFilterBound, { nullable: true }) filter: OrderFilter | null,
    @Ctx() ctx: OrdersContext,
  ) {
    return orderService.list(ctx, { first, after, filter });
  }

  @FieldResolver(() => Channel)
  channel(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return orderService.channel(ctx, order);
  }

  @RequiresScopes('customers:read')
  @FieldResolver(() => CustomerRef, {
    nullable: true,
    description:
      'The golden customer who placed the order. Null while the buyer awaits identification: an order accepted while ' +
      'the customers service did not answer in time stays PENDING without a customer until customers identifies the ' +
      'buyer (usually seconds after it is back); only then is it risk-scored and allocated. Also null, with an ' +
      'error, when the customers service is down.',
  })
  customer(@Root() order: Order) {
    return orderService.customer(order);
  }

  @FieldResolver(() => [OrderLine], { description: 'Lines in line-number order.' })
  lines(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return orderService.lines(ctx, order);
  }

  @FieldResolver(() => [OrderStatusChange], { description: 'Every status change, oldest first.' })
  statusHistory(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return orderService.statusHistory(ctx, order);
  }
}
