import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Shipment } from '../shipment/shipment.type';
import { OrderRef } from './order-ref.type';
import { orderShipmentsService } from './order-shipments.service';

@Resolver(() => OrderRef)
export class OrderShipmentsResolver {
  @RequiresScopes('logistics:read')
  @FieldResolver(() => [Shipment], {
    nullable: true,
    description:
      "The parcels this order ships in, oldest first (a channel-scoped caller's channels only); null, with an error " +
      'naming logistics, ' +
      'when that subgraph is down.',
  })
  shipments(@Root() order: OrderRef, @Ctx() ctx: LogisticsContext) {
    return orderShipmentsService.forOrder(ctx, order.id);
  }
}
