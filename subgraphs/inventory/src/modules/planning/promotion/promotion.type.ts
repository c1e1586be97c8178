import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PromotionStatus {
  UPCOMING = 'UPCOMING',
  ACTIVE = 'ACTIVE',
  PAST = 'PAST',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PromotionStatus, {
  name: 'PromotionStatus',
  description: "Where a promotion stands today (UTC), by its window's days.",
  valuesConfig: {
    UPCOMING: { description: 'Its first day is still to come.' },
    ACTIVE: { description: 'Today is one of its days.' },
    PAST: { description: 'Its last day is over.' },
    CANCELLED: { description: 'Called off: it counts in no forecast, whatever its days.' },
  },
});

@ObjectType({
  description:
    'A planned promotion: through its channels, its SKUs are expected to sell `uplift` times their usual rate on ' +
    "each day of its window. Planning's forecasts (and what is derived from them) are raised accordingly, and once " +
    'the window has started the uplift it actually brought is measured from the demand history.',
})
export class Promotion {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { nullable: true, description: 'The channels it runs on; null: every channel.' })
  channels: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The SKUs it covers; null: the whole catalogue.' })
  skus: string[] | null;

  @Field(() => String, { description: 'First day, UTC, YYYY-MM-DD.' })
  startsOn: string;

  @Field(() => String, { description: 'Last day (inclusive), UTC, YYYY-MM-DD.' })
  endsOn: string;

  @Field(() => Float, {
    description: "The planned factor on its channels' usual demand for its SKUs (3.0: three times as much).",
  })
  uplift: number;

  @Field(() => PromotionStatus)
  status: PromotionStatus;

  @Field(() => String, { description: "Who planned it (the caller's sub)." })
  plannedBy: string;

  @Field(() => Date)
  plannedAt: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelledBy: string | null;
}
