import { BoundedArg, Bounds, checkText, inputBound, intBound, IntLimits, problemsOf, TextLimits, RequiresScopes } from '@supply-graph/shared';
import { Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order, OrderStatusEvent } from '../order/order.type';
import { OrderStatusEventBatch, OrderStatusEventInput } from './order-event.types';
import { orderEventsService } from './order-events.service';

/** An event on its way to subscribers: the order is loaded when selected. */
type PendingEvent = Omit<OrderStatusEvent, 'order'> & { orderId: string };

/** The gateway sends back an event it got from the feed; still, nothing unbounded reaches SQL. */
const orderStatusEventBound = inputBound((event) =>
  problemsOf(checkText('eventId', event.eventId, { max: TextLimits.cursor }), checkText('orderId', event.orderId, { max: TextLimits.id })),
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

  @Directive('@inaccessible')
  @RequiresScopes('orders:read')
  @Query(() => OrderStatusEvent, { description: 'One status event with its order as it is now (at or after the event).' })
  _orderStatusEvent(@BoundedArg('event', () => OrderStatusEventInput, orderStatusEventBound) event: OrderStatusEventInput): PendingEvent {
    return { eventId: event.eventId, orderId: event.orderId, from: event.from, to: event.to, at: event.at };
  }

  @FieldResolver(() => Order)
  async order(@Root() event: PendingEvent | OrderStatusEvent, @Ctx() ctx: OrdersContext): Promise<Order> {
    if ('order' in event && event.order) return event.order;
    const order = await orderService.findById(ctx, (event as PendingEvent).orderId);
    if (!order) throw new Error(`order ${(event as PendingEvent).orderId} of event ${event.eventId} does not exist`);
    return order;
  }
}
