import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { OrderFilter, orderFilterBound } from '../order/order.input';
import { OrderConnection } from '../order/order.type';
import { customerOrdersService } from './customer-orders.service';
import { customerStatsService } from './customer-stats.service';
import { CustomerOrderStats } from './customer-stats.type';
import { CustomerRef } from './customer-ref.type';

@Resolver(() => CustomerRef)
export class CustomerOrdersResolver {
  @RequiresScopes('orders:read')
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description:
      "The customer's orders matching the filter, newest first (placedAt, then id); null, with an error, when orders " +
      'is down.',
  })
  orders(
    @Root() customer: CustomerRef,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @BoundedArg('filter', () => OrderFilter, orderFilterBound, { nullable: true }) filter: OrderFilter | null,
    @Ctx() ctx: OrdersContext,
  ) {
    return customerOrdersService.orders(ctx, customer.id, { first, after, filter });
  }

  @RequiresScopes('orders:read')
  @FieldResolver(() => CustomerOrderStats, {
    nullable: true,
    description: 'Order figures; see CustomerOrderStats for definitions. Null, with an error, when orders is down.',
  })
  stats(@Root() customer: CustomerRef, @Ctx() ctx: OrdersContext) {
    return customerStatsService.stats(ctx, customer.id);
  }
}
