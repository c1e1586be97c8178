import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "A cap on one channel's share of one SKU's stock: the units its orders may hold at once (reserved, not yet " +
    'shipped or released). ' +
    'An order that would take the channel past it waits as a backorder.',
})
export class ChannelQuota {
  @Field(() => String, { description: 'The channel code, as orders carry it (e.g. "douyin").' })
  channel: string;

  @Field(() => ID)
  sku: string;

  @Field(() => Int, { nullable: true, description: 'Absolute cap in units; null when the quota is a share.' })
  maxUnits: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Share of the SKU's on-hand units over all warehouses (0.3 = 30%); null when absolute.",
  })
  maxShare: number | null;

  @Field(() => Int, { description: 'Units the channel may hold now: maxUnits, or maxShare of on-hand rounded down.' })
  limit: number;

  @Field(() => Int, { description: "Units reserved for the channel's orders and not yet shipped or released." })
  held: number;

  @Field(() => Int, { description: 'limit - held, never below 0.' })
  remaining: number;

  @Field(() => Date)
  updatedAt: Date;
}
