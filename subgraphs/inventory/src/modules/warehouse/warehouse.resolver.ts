import { BoundedArg, Bounds } from '@supply-graph/shared';
import { Ctx, ID, Query, Resolver } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from './warehouse.service';
import { Warehouse } from './warehouse.type';

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Query(() => [Warehouse], { description: 'Every warehouse, ordered by code.' })
  warehouses(@Ctx() ctx: InventoryContext) {
    return warehouseService.list(ctx);
  }

  @Query(() => Warehouse, { nullable: true, description: 'A warehouse by id; null when there is none.' })
  warehouse(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: InventoryContext) {
    return warehouseService.findById(ctx, id);
  }
}
