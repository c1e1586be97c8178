import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order } from '../order/order.type';
import { holdOrder, releaseOrder } from './release-order.service';

/** An operator's review of risky orders: hold one that is not allocated yet, release one that is ON_HOLD. */
@Resolver()
export class OrderReviewResolver {
  @RequiresScopes('orders:review')
  @Mutation(() => Order, {
    description:
      'Releases an order held ON_HOLD (by a risk rule or an operator): it becomes PENDING and stock is allocated for ' +
      'it. CONFLICT when the order is not ON_HOLD; NOT_FOUND for an unknown id; FORBIDDEN for an order of a channel ' +
      "outside the caller's.",
  })
  async releaseOrder(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('reason', () => String, Bounds.reason, { nullable: true }) reason: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order> {
    await releaseOrder(ctx, id, reason);
    return (await orderService.findById(ctx, id))!;
  }

  @RequiresScopes('orders:review')
  @Mutation(() => Order, {
    description:
      'Holds a PENDING or BACKORDERED order for review (ON_HOLD): it is not allocated until released (a backordered ' +
      'one keeps its place in the backorder queue). CONFLICT from any other status; NOT_FOUND for an unknown id; ' +
      "BAD_USER_INPUT for an empty reason; FORBIDDEN for an order of a channel outside the caller's.",
  })
  async holdOrder(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('reason', () => String, Bounds.reason) reason: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order> {
    await holdOrder(ctx, id, reason);
    return (await orderService.findById(ctx, id))!;
  }
}
