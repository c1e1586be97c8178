import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { OrderRef } from '../allocation/order-ref.type';
import { backorderService } from './backorder.service';

@Resolver(() => OrderRef)
export class OrderBackorderResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why inventory holds the order back (short stock, or the channel quota it would exceed); null unless it waits ' +
      'for stock.',
  })
  backorderReason(@Root() order: OrderRef, @Ctx() ctx: InventoryContext) {
    return backorderService.reasonFor(ctx, order.id);
  }
}
