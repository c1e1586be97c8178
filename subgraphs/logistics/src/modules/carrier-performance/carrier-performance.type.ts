import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A carrier's observed record, from deliveries and resolved logistics exceptions." })
export class CarrierPerformance {
  @Field(() => Int, { description: 'Shipments delivered (with an ETA to judge them by).' })
  delivered: number;

  @Field(() => Int, { description: 'Delivered by the end of the promised day (UTC), with no fault of the carrier.' })
  onTime: number;

  @Field(() => Int, { description: 'Logistics exceptions resolved with a cause of the carrier (delay, loss, damage).' })
  carrierFaults: number;

  @Field(() => Int, { description: 'Shipments judged: delivered or failed by the carrier, each once.' })
  observed: number;

  @Field(() => Float, { nullable: true, description: 'onTime / observed; null before any observation.' })
  observedOnTimeRate: number | null;
}
