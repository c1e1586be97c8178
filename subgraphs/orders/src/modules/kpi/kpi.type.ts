import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';

@ObjectType({
  description:
    'Figures of the orders one channel took on one UTC day (by placedAt), within the window asked for. ' +
    'Later events (shipping, delivery) count for the day the order was placed.',
})
export class ChannelDayKpi {
  /** Resolved through the channel loader by `channel`. */
  channelCode: string;

  @Field(() => String, { description: 'The UTC calendar day, "YYYY-MM-DD".' })
  day: string;

  @Field(() => Int, { description: 'Orders placed, in every status and currency.' })
  orders: number;

  @Field(() => Money, {
    description:
      'Exact sum of `total` over the orders not CANCELLED, in the main currency (the one with most orders that day, ' +
      'ties alphabetical); "0.00" when all were cancelled.',
  })
  revenue: Money;

  @Field(() => [Money], { description: 'The same sum for each currency with an order not CANCELLED, sorted by code.' })
  revenueByCurrency: Money[];

  @Field(() => Int, {
    description: 'Orders that reached SHIPPED (every shipment handed to a carrier), whenever that was.',
  })
  shippedOrders: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median hours from placedAt to the first SHIPPED status change (continuous percentile); null when none shipped.',
  })
  processingHoursP50: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of the same hours (continuous); null when none shipped.',
  })
  processingHoursP90: number | null;

  @Field(() => Float, { description: 'Share of the orders that were never BACKORDERED, 0..1.' })
  fillRate: number;

  @Field(() => Int, { description: 'Orders that reached DELIVERED.' })
  deliveredOrders: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of delivered orders delivered at or before their ETA (the latest estimatedDeliveryAt of their ' +
      'shipments), over the delivered orders whose every shipment had an ETA; null when there is none.',
  })
  onTimeDeliveryRate: number | null;
}
