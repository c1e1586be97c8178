import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from './warehouse.service';
import { Warehouse } from './warehouse.type';

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @RequiresScopes('inventory:read')
  @Query(() => [Warehouse], { description: 'Every warehouse, ordered by code.' })
  warehouses(@Ctx() ctx: InventoryContext) {
    return warehouseService.list(ctx);
  }

  @RequiresScopes('inventory:read')
  @Query(() => Warehouse, { nullable: true, description: 'A warehouse by id; null when there is none.' })
  warehouse(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: InventoryContext) {
    return warehouseService.findById(ctx, id);
  }

  @RequiresScopes('inventory:write')
  @Mutation(() => Warehouse, {
    description:
      'Whether returns may be routed to this warehouse (every warehouse does by default). Returns already routed ' +
      'there still arrive there. NOT_FOUND for an unknown warehouse.',
  })
  setWarehouseAcceptsReturns(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @Arg('acceptsReturns', () => Boolean) acceptsReturns: boolean,
    @Ctx() ctx: InventoryContext,
  ) {
    return warehouseService.setAcceptsReturns(ctx, id, acceptsReturns);
  }
}
