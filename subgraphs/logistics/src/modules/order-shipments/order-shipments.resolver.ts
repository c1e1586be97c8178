import { RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { ShipmentDirection } from '../shipment/shipment-direction.type';
import { Shipment } from '../shipment/shipment.type';
import { OrderRef } from './order-ref.type';
import { orderShipmentsService } from './order-shipments.service';

@Resolver(() => OrderRef)
export class OrderShipmentsResolver {
  @RequiresScopes('logistics:read')
  @FieldResolver(() => [Shipment], {
    nullable: true,
    description:
      "The parcels this order ships in, oldest first (a channel-scoped caller's channels only): those sent to the " +
      'buyer unless `direction` asks for its return shipments (RETURN) or both (null); null, with an error naming ' +
      'logistics, when that subgraph is down.',
  })
  shipments(
    @Root() order: OrderRef,
    @Arg('direction', () => ShipmentDirection, {
      nullable: true,
      defaultValue: ShipmentDirection.OUTBOUND,
      description: 'OUTBOUND (default), RETURN, or null for both.',
    })
    direction: ShipmentDirection | null,
    @Ctx() ctx: LogisticsContext,
  ) {
    return orderShipmentsService.forOrder(ctx, order.id, direction ?? null);
  }
}
