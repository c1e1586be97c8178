import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph's Customer; this subgraph contributes `orders` and `stats` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerRef {
  @Field(() => ID)
  id: string;
}
