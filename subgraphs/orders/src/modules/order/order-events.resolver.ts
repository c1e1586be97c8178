import { AppError } from '@supply-graph/shared';
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { OrderStatusEvent } from './order.type';

/**
 * The contract's subscription, declared by the subgraph that owns orders so the
 * supergraph carries it. The gateway serves it (graphql-ws and SSE, fed by the
 * event bus, replay from `after`), resolving each event through the query
 * plan with `_orderStatusEvent`; nothing subscribes here directly.
 */
@Resolver()
export class OrderEventsResolver {
  @Subscription(() => OrderStatusEvent, {
    description:
      'Order status changes. Filters combine with AND; none given: every order the caller may see. ' +
      '`after`: the last eventId the client saw; events since then are replayed first, then live ones follow.',
    subscribe: () => {
      throw new AppError('NOT_IMPLEMENTED', 'Subscribe to orderStatusChanged through the gateway (graphql-ws or SSE on /graphql)');
    },
  })
  orderStatusChanged(
    @Root() event: OrderStatusEvent,
    @Arg('orderId', () => ID, { nullable: true }) _orderId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) _customerId: string | null,
    @Arg('channel', () => String, { nullable: true }) _channel: string | null,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): OrderStatusEvent {
    return event;
  }
}
