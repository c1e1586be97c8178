import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { allocationService } from './allocation.service';
import { Allocation } from './allocation.type';
import { OrderRef } from './order-ref.type';

@Resolver(() => OrderRef)
export class OrderAllocationsResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => [Allocation], {
    nullable: true,
    description:
      'Stock reserved for the order and not released; null, with an error naming inventory, when that subgraph is ' +
      'down.',
  })
  allocations(@Root() order: OrderRef, @Ctx() ctx: InventoryContext) {
    return allocationService.activeForOrder(ctx, order.id);
  }
}
