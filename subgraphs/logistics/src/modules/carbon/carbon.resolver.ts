import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { Shipment } from '../shipment/shipment.type';
import { carbonService } from './carbon.service';

@Resolver(() => Shipment)
export class CarbonResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Estimated kg CO2e: great-circle km from the warehouse x weight x the carrier mode's factor per tonne-km " +
      "(ROAD 0.105, EXPRESS 0.25, AIR 0.6). The weight is the packages' gross weight (products and boxes); a " +
      'shipment without packages assumes a weight per unit. Null when the distance is unknown.',
  })
  carbonKg(@Root() shipment: Shipment, @Ctx() ctx: LogisticsContext) {
    return carbonService.forShipment(ctx, shipment.id);
  }
}
