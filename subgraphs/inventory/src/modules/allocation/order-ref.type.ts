import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order: a key stub this subgraph extends with `allocations`. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderRef {
  @Field(() => ID)
  id: string;
}
