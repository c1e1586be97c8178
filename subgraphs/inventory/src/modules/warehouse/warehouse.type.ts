import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A stocking location.' })
export class Warehouse {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Short operator code, e.g. "SH-01".' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  region: string;

  @Field(() => String)
  city: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Boolean, {
    description: 'Returns may be routed here (default true); see setWarehouseAcceptsReturns.',
  })
  acceptsReturns: boolean;
}
