import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Presale stock of one product in one warehouse: kept apart from regular stock; only presale order lines take it.',
})
export class PresaleStock {
  @Field(() => ID)
  sku: string;

  /** Resolved to `warehouse` by a field resolver through the warehouse loader. */
  warehouseId: string;

  @Field(() => Int, { description: 'Units set aside for presale.' })
  onHand: number;

  @Field(() => Int, { description: 'Units promised to presale order lines.' })
  reserved: number;

  @Field(() => Int, { description: 'onHand - reserved: units a presale line can still take.' })
  available: number;

  @Field(() => Date)
  updatedAt: Date;
}
