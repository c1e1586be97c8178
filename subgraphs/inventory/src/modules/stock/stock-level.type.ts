import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Stock of one product in one warehouse.' })
export class StockLevel {
  @Field(() => ID)
  sku: string;

  /** Resolved to `warehouse` by a field resolver through the warehouse loader. */
  warehouseId: string;

  @Field(() => Int, { description: 'Units physically in the warehouse.' })
  onHand: number;

  @Field(() => Int, { description: 'Units promised to allocated orders.' })
  reserved: number;

  @Field(() => Int, { description: 'Units kept back from sale as a buffer.' })
  safetyStock: number;

  @Field(() => Int, { description: 'onHand - reserved - safetyStock, never below 0.' })
  available: number;

  @Field(() => Date)
  updatedAt: Date;
}
