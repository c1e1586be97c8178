import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { warehouseService } from '../warehouse/warehouse.service';
import { Warehouse } from '../warehouse/warehouse.type';
import { Allocation } from './allocation.type';

@Resolver(() => Allocation)
export class AllocationResolver {
  @FieldResolver(() => Warehouse, { description: 'Where the units are reserved.' })
  warehouse(@Root() allocation: Allocation, @Ctx() ctx: InventoryContext) {
    return warehouseService.referenced(ctx, allocation.warehouseId);
  }
}
