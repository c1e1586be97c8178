import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../common/money.type';
import { CustomerTier } from './value-score';

export { CustomerTier };

registerEnumType(CustomerTier, {
  name: 'CustomerTier',
  description:
    'Value tier from the RFM scores, first rule that holds: CHAMPION (R>=4, F>=4, M>=4), LOYAL (R>=3, F>=3), NEW ' +
    '(R>=4, F=1), PROMISING (R>=3), AT_RISK (R=2), LOST (R=1).',
});

@ObjectType({ description: "How many of a customer's counted orders came through one channel." })
export class ChannelShare {
  @Field(() => String, { description: 'Channel code, e.g. "tmall".' })
  channel: string;

  @Field(() => Int, { description: 'Counted orders (placed, not cancelled) through this channel.' })
  orders: number;

  @Field(() => Float, {
    nullable: true,
    description: "orders / all the customer's counted orders, 0..1; null for a channel-scoped caller.",
  })
  share: number | null;
}

@ObjectType({
  description:
    "A customer's value across every channel (RFM): counted orders are those placed and not cancelled; money in CNY " +
    'at fixed rates. Scores 1..5 from the documented thresholds (README "Customer value tiers"), as of now. A ' +
    "channel-scoped caller sees only the tier and its channels' order counts; every other field is null for it.",
})
export class CustomerValue {
  @Field(() => CustomerTier, { nullable: true, description: 'null while no order counts.' })
  tier: CustomerTier | null;

  @Field(() => Int, { nullable: true, description: 'Whole days since the last counted order.' })
  recency: number | null;

  @Field(() => Int, { nullable: true, description: 'Counted orders.' })
  frequency: number | null;

  @Field(() => Money, { nullable: true, description: "The counted orders' totals, in CNY." })
  monetary: Money | null;

  @Field(() => Int, { nullable: true })
  rScore: number | null;

  @Field(() => Int, { nullable: true })
  fScore: number | null;

  @Field(() => Int, { nullable: true })
  mScore: number | null;

  @Field(() => Int, { nullable: true, description: 'rScore + fScore + mScore, 3..15.' })
  score: number | null;

  @Field(() => [ChannelShare], { description: 'Per channel, most orders first, then by channel.' })
  channelMix: ChannelShare[];

  @Field(() => Date, { nullable: true })
  firstOrderAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastOrderAt: Date | null;
}
