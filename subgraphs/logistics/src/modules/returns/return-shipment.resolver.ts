import { RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { toShipment } from '../shipment/shipment.service';
import { Shipment } from '../shipment/shipment.type';
import { ReturnRef } from './return-ref.type';

@Resolver(() => ReturnRef)
export class ReturnShipmentResolver {
  @RequiresScopes('logistics:read')
  @FieldResolver(() => Shipment, {
    nullable: true,
    description:
      'The parcel carrying the return back to its warehouse (direction RETURN); null until it is booked, or outside a ' +
      "channel-scoped caller's channels.",
  })
  async shipment(@Root() ret: ReturnRef, @Ctx() ctx: LogisticsContext) {
    const row = await ctx.loaders.shipmentByReturnId.load(ret.id);
    if (!row) return null;
    ctx.loaders.shipmentById.prime(row.id, row);
    return toShipment(row);
  }
}
