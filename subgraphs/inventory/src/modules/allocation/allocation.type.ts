import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Units of an order reserved in one warehouse.' })
export class Allocation {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  sku: string;

  /** Resolved to `warehouse` by a field resolver through the warehouse loader. */
  warehouseId: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why the router chose this warehouse (null for allocations made before routing was recorded).',
  })
  reason: string | null;

  @Field(() => Date, { nullable: true, description: 'When these units were handed to a carrier.' })
  shippedAt: Date | null;
}
