import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "Demand for one product at one warehouse through one channel on one UTC day, from the orders inventory decided on. A backordered order's units are unmet demand at the warehouse that would have served it. Cancellations do not take demand back.",
})
export class DemandDay {
  @Field(() => String, { description: 'The UTC day the orders were placed, as YYYY-MM-DD.' })
  day: string;

  @Field(() => ID)
  warehouseId: string;

  @Field(() => String)
  channel: string;

  @Field(() => Int, { description: 'Units ordered: unitsFulfilled + unitsShort.' })
  unitsDemanded: number;

  @Field(() => Int, { description: 'Units reserved from stock when the order came in.' })
  unitsFulfilled: number;

  @Field(() => Int, { description: 'Units that found no stock (or no channel quota) when the order came in.' })
  unitsShort: number;

  @Field(() => Int, { description: 'Orders that asked for the product here that day.' })
  orders: number;
}
