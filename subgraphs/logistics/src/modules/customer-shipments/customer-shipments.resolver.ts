import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { LogisticsContext } from '../../context';
import { ShipmentDirection } from '../shipment/shipment-direction.type';
import { Shipment } from '../shipment/shipment.type';
import { CustomerRef } from './customer-ref.type';
import { customerShipmentsService } from './customer-shipments.service';

@Resolver(() => CustomerRef)
export class CustomerShipmentsResolver {
  @RequiresScopes('logistics:read')
  @FieldResolver(() => [Shipment], {
    nullable: true,
    description:
      "The customer's most recent shipments, newest first (a channel-scoped caller's channels only): the parcels " +
      'sent to them unless `direction` asks for their returns (RETURN) or both (null); null, with an error naming ' +
      'logistics, when that subgraph is down.',
  })
  shipments(
    @Root() customer: CustomerRef,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('direction', () => ShipmentDirection, {
      nullable: true,
      defaultValue: ShipmentDirection.OUTBOUND,
      description: 'OUTBOUND (default), RETURN, or null for both.',
    })
    direction: ShipmentDirection | null,
    @Ctx() ctx: LogisticsContext,
  ) {
    return customerShipmentsService.recent(ctx, customer.id, first, direction ?? null);
  }
}
