import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, ID, Query, Resolver } from 'type-graphql';
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
}
