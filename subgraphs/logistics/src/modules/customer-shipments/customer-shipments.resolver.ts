import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Shipment } from '../shipment/shipment.type';
import { CustomerRef } from './customer-ref.type';
import { customerShipmentsService } from './customer-shipments.service';

@Resolver(() => CustomerRef)
export class CustomerShipmentsResolver {
  @FieldResolver(() => [Shipment], {
    nullable: true,
    description: "The customer's most recent shipments, newest first; null, with an error naming logistics, when that subgraph is down.",
  })
  shipments(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '1..100' }) first: number | null,
    @Ctx() ctx: LogisticsContext,
  ) {
    return customerShipmentsService.recent(ctx, customer.id, first);
  }
}
