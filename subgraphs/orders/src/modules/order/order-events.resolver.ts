import { AppError, BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { ID, Resolver, Root, Subscription } from 'type-graphql';
import { OrderStatusEvent } from './order.type';

/**
 * The contract's subscription, declared by the subgraph that owns orders so the
 * supergraph carries it. The gateway serves it (graphql-ws and SSE, fed by the
 * event bus, replay from `after`), resolving each event through the query
 * plan with `_orderStatusEvent`; nothing subscribes here directly.
 */
@Resolver()
export class OrderEventsResolver {
  // Enforced by the gateway's subscription hub, which serves this field.
  @RequiresScopes('orders:read')
  @Subscription(() => OrderStatusEvent, {
    description:
      'Order status changes. Filters combine with AND; none given: every order the caller may see. ' +
      '`after`: the last eventId the client saw; events since then are replayed first, then live ones follow.',
    subscribe: () => {
      throw new AppError(
        'NOT_IMPLEMENTED',
        'Subscribe to orderStatusChanged through the gateway (graphql-ws or SSE on /graphql)',
      );
    },
  })
  orderStatusChanged(
    @Root() event: OrderStatusEvent,
    @BoundedArg('orderId', () => ID, Bounds.id, { nullable: true }) _orderId: string | null,
    @BoundedArg('customerId', () => ID, Bounds.id, { nullable: true }) _customerId: string | null,
    @BoundedArg('channel', () => String, Bounds.code, { nullable: true }) _channel: string | null,
    @BoundedArg('after', () => ID, Bounds.cursor, { nullable: true }) _after: string | null,
  ): OrderStatusEvent {
    return event;
  }
}
