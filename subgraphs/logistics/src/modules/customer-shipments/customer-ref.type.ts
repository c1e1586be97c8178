import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph's Customer; logistics contributes its `shipments`. */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerRef {
  @Field(() => ID)
  id: string;
}
