import {
  BoundedArg,
  Bounds,
  checkText,
  inputBound,
  intBound,
  IntLimits,
  problemsOf,
  TextLimits,
  RequiresScopes,
} from '@supply-graph/shared';
import { Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { OrderStatusEvent } from '../order/order.type';
import { OrderStatusEventInput } from './order-event.input';
import { OrderStatusEventBatch } from './order-event.type';
import { orderEventsService } from './order-events.service';

/** The gateway sends back an event it got from the feed; still, nothing unbounded reaches SQL. */
const orderStatusEventBound = inputBound((event) =>
  problemsOf(
    checkText('eventId', event.eventId, { max: TextLimits.cursor }),
    checkText('orderId', event.orderId, { max: TextLimits.id }),
  ),
);

/**
 * What the gateway needs to serve `Subscription.orderStatusChanged`: the past
 * events to replay and, per event, the orders part of a subscriber's
 * selection (the rest of the query plan fetches the other subgraphs' fields).
 */
@Resolver(() => OrderStatusEvent)
export class OrderEventFeedResolver {
  @Directive('@inaccessible')
  @RequiresScopes('orders:read')
  @Query(() => OrderStatusEventBatch, { description: 'Status events published after `after`, matching the filters.' })
  _orderStatusEvents(
    @BoundedArg('after', () => ID, Bounds.cursor) after: string,
    @BoundedArg('orderId', () => ID, Bounds.id, { nullable: true }) orderId: string | null,
    @BoundedArg('customerId', () => ID, Bounds.id, { nullable: true }) customerId: string | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) channel: string | null,
    @BoundedArg('first', () => Int, intBound(IntLimits.eventBatch), { defaultValue: 500 }) first: number,
    @Ctx() ctx: OrdersContext,
  ) {
    return orderEventsService.replay(ctx, { after, orderId, customerId, channel, first });
  }

  /**
   * The order is loaded here, selected or not, through the caller's channel
   * scope (the subscriber's or the webhook owner's): an event of another
   * channel is FORBIDDEN as a whole, whichever fields were asked.
   */
  @Directive('@inaccessible')
  @RequiresScopes('orders:read')
  @Query(() => OrderStatusEvent, {
    description: 'One status event with its order as it is now (at or after the event).',
  })
  async _orderStatusEvent(
    @BoundedArg('event', () => OrderStatusEventInput, orderStatusEventBound) event: OrderStatusEventInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderStatusEvent> {
    const order = await orderService.requireById(ctx, event.orderId, `event ${event.eventId}`);
    return { eventId: event.eventId, order, from: event.from, to: event.to, at: event.at };
  }
}
