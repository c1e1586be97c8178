import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order; logistics contributes its `shipments`. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderRef {
  @Field(() => ID)
  id: string;
}
