import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Shipment } from '../shipment/shipment.type';
import { ShipmentPackage } from './shipment-package.type';

@Resolver(() => Shipment)
export class ShipmentPackagesResolver {
  @FieldResolver(() => [ShipmentPackage], {
    description:
      'The boxes the shipment goes out in (smallest that hold its units, from the warehouse catalogue); empty for ' +
      'shipments planned before packing or from a warehouse without boxes.',
  })
  packages(@Root() shipment: Shipment, @Ctx() ctx: LogisticsContext) {
    return ctx.loaders.packagesByShipmentId.load(shipment.id);
  }
}
