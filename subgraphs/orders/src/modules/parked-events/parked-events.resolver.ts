import { Bounds, BoundedArg, intBound, textBound, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import { Order } from '../order/order.type';
import { ParkedEvent, ParkedEventStatus } from './parked-event.type';
import { MAX_PARKED_EVENTS_PAGE, parkedEventsService } from './parked-events.service';

const CONSUMER_NAME = textBound(64);
const PAGE = intBound({ min: 1, max: MAX_PARKED_EVENTS_PAGE });

@Resolver(() => ParkedEvent)
export class ParkedEventsResolver {
  @RequiresScopes('orders:review')
  @Query(() => [ParkedEvent], {
    description:
      'Events a consumer of any service gave up on (dead letters), newest first, for operators to look at and retry. ' +
      `Filters are optional; first: 1..${MAX_PARKED_EVENTS_PAGE} (default 50). A channel-scoped caller sees only ` +
      'events whose order is of its channels (none without an order).',
  })
  parkedEvents(
    @BoundedArg('service', () => String, Bounds.code, { nullable: true, description: 'e.g. "inventory".' }) service:
      | string
      | null,
    @BoundedArg('consumer', () => String, CONSUMER_NAME, { nullable: true, description: 'e.g. "inventory.allocate".' })
    consumer: string | null,
    @Arg('status', () => ParkedEventStatus, { nullable: true }) status: ParkedEventStatus | null,
    @BoundedArg('first', () => Int, PAGE, { nullable: true, defaultValue: 50 }) first: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<ParkedEvent[]> {
    return parkedEventsService.list(ctx, { service, consumer, status }, first);
  }

  @RequiresScopes('orders:review')
  @Mutation(() => ParkedEvent, {
    description:
      'Asks the service that parked the event to run its handler again (answers RETRY_REQUESTED; the outcome follows ' +
      'as RETRIED or FAILED_AGAIN). An order held for the event is released once it is handled. CONFLICT when it is ' +
      'RETRIED or a retry is under way; NOT_FOUND for an unknown id; FORBIDDEN (nothing changed) for an event a ' +
      'channel-scoped caller does not see.',
  })
  retryParkedEvent(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext): Promise<ParkedEvent> {
    return parkedEventsService.requestRetry(ctx, id);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order the event concerns, when it concerns one.' })
  order(@Root() parked: ParkedEvent, @Ctx() ctx: OrdersContext) {
    return parked.orderId ? orderService.findById(ctx, parked.orderId) : null;
  }
}
