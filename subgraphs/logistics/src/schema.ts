import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { LogisticsContext } from './context';
import { CarbonResolver } from './modules/carbon/carbon.resolver';
import { CarrierPerformanceResolver } from './modules/carrier-performance/carrier-performance.resolver';
import { ShipmentPackagesResolver } from './modules/packages/shipment-package.resolver';
import { CustomerRef } from './modules/customer-shipments/customer-ref.type';
import { CustomerShipmentsResolver } from './modules/customer-shipments/customer-shipments.resolver';
import { customerShipmentsService } from './modules/customer-shipments/customer-shipments.service';
import { ExceptionsResolver } from './modules/exceptions/exceptions.resolver';
import { OrderShipmentsResolver } from './modules/order-shipments/order-shipments.resolver';
import { orderShipmentsService } from './modules/order-shipments/order-shipments.service';
import { ReturnRef } from './modules/returns/return-ref.type';
import { ReturnShipmentResolver } from './modules/returns/return-shipment.resolver';
import { ShipmentResolver } from './modules/shipment/shipment.resolver';
import { shipmentService } from './modules/shipment/shipment.service';
import { TrackingResolver } from './modules/tracking/tracking.resolver';

export function buildLogisticsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ShipmentResolver,
        TrackingResolver,
        OrderShipmentsResolver,
        CustomerShipmentsResolver,
        CarbonResolver,
        ExceptionsResolver,
        ReturnShipmentResolver,
        ShipmentPackagesResolver,
        CarrierPerformanceResolver,
      ],
      scalarsMap,
      // Customer and Return are reachable only through `_entities`, which type-graphql does not see.
      orphanedTypes: [CustomerRef, ReturnRef],
    },
    {
      Shipment: {
        __resolveReference: (ref: { id: string }, ctx: LogisticsContext) => shipmentService.findById(ctx, ref.id),
      },
      Order: { __resolveReference: (ref: { id: string }) => orderShipmentsService.reference(ref) },
      Customer: { __resolveReference: (ref: { id: string }) => customerShipmentsService.reference(ref) },
      // Returns live in the orders subgraph; `shipment` reads through the loader.
      Return: { __resolveReference: (ref: { id: string }): ReturnRef => ({ id: ref.id }) },
    },
  );
}
