import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order, OrderStatusEvent } from '../order/order.type';
import { OrderStatusEventBatch, OrderStatusEventInput } from './order-event.types';
import { orderEventsService } from './order-events.service';

/** An event on its way to subscribers: the order is loaded when selected. */
type PendingEvent = Omit<OrderStatusEvent, 'order'> & { orderId: string };

/**
 * What the gateway needs to serve `Subscription.orderStatusChanged`: the past
 * events to replay and, per event, the orders part of a subscriber's
 * selection (the rest of the query plan fetches the other subgraphs' fields).
 */
@Resolver(() => OrderStatusEvent)
export class OrderEventFeedResolver {
  @Directive('@inaccessible')
  @Query(() => OrderStatusEventBatch, { description: 'Status events published after `after`, matching the filters.' })
  _orderStatusEvents(
    @Arg('after', () => ID) after: string,
    @Arg('orderId', () => ID, { nullable: true }) orderId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('channel', () => String, { nullable: true }) channel: string | null,
    @Arg('first', () => Int, { defaultValue: 500 }) first: number,
    @Ctx() ctx: OrdersContext,
  ) {
    return orderEventsService.replay(ctx, { after, orderId, customerId, channel, first });
  }

  @Directive('@inaccessible')
  @Query(() => OrderStatusEvent, { description: 'One status event with its order as it is now (at or after the event).' })
  _orderStatusEvent(@Arg('event', () => OrderStatusEventInput) event: OrderStatusEventInput): PendingEvent {
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
