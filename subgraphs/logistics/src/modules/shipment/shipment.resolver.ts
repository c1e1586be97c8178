import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { carrierService } from '../carrier/carrier.service';
import { Carrier } from '../carrier/carrier.type';
import { OrderRef } from '../order-shipments/order-ref.type';
import { shipmentService } from './shipment.service';
import { Shipment } from './shipment.type';
import { WarehouseRef } from './warehouse-ref.type';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @RequiresScopes('logistics:read')
  @Query(() => Shipment, {
    nullable: true,
    description: "A shipment by id; null when there is none or it is outside a channel-scoped caller's channels.",
  })
  shipment(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: LogisticsContext) {
    return shipmentService.findById(ctx, id);
  }

  @RequiresScopes('logistics:read')
  @Query(() => Shipment, {
    nullable: true,
    description:
      'The shipment a carrier knows by this tracking number; null when there is none or it is outside a ' +
      "channel-scoped caller's channels.",
  })
  shipmentByTracking(
    @BoundedArg('carrier', () => String, Bounds.code) carrier: string,
    @BoundedArg('trackingNumber', () => String, Bounds.externalId) trackingNumber: string,
    @Ctx() ctx: LogisticsContext,
  ) {
    return shipmentService.findByTracking(ctx, carrier, trackingNumber);
  }

  @FieldResolver(() => OrderRef, {
    nullable: true,
    description: 'The order this parcel belongs to (resolved by orders); null, with an error, when orders is down.',
  })
  order(@Root() shipment: Shipment): OrderRef {
    return { id: shipment.orderId };
  }

  @FieldResolver(() => WarehouseRef, {
    description:
      'The warehouse it ships from, or for a RETURN shipment the one it goes back to (resolved by inventory).',
  })
  warehouse(@Root() shipment: Shipment): WarehouseRef {
    return { id: shipment.warehouseId };
  }

  @FieldResolver(() => Carrier)
  carrier(@Root() shipment: Shipment, @Ctx() ctx: LogisticsContext) {
    return carrierService.findByCode(ctx, shipment.carrierCode);
  }
}
