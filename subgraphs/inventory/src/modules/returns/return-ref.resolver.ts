import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { Warehouse } from '../warehouse/warehouse.type';
import { returnReceiptService } from './return-receipt.service';
import { ReturnReceipt, ReturnRef } from './return-receipt.type';

@Resolver(() => ReturnRef)
export class ReturnRefResolver {
  @RequiresScopes('inventory:read')
  @FieldResolver(() => Warehouse, {
    nullable: true,
    description:
      "The warehouse that receives the return; null until it is routed, or outside a channel-scoped caller's channels.",
  })
  warehouse(@Root() ret: ReturnRef, @Ctx() ctx: InventoryContext) {
    return returnReceiptService.warehouseOf(ctx, ret.id);
  }

  @RequiresScopes('inventory:read')
  @FieldResolver(() => ReturnReceipt, {
    nullable: true,
    description:
      "The return at its warehouse: received, inspected, each line's split; null until it is routed, or outside a " +
      "channel-scoped caller's channels.",
  })
  receipt(@Root() ret: ReturnRef, @Ctx() ctx: InventoryContext) {
    return returnReceiptService.findByReturnId(ctx, ret.id);
  }
}
