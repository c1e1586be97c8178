import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Return; logistics contributes the parcel that carries it back. */
@Directive('@key(fields: "id")')
@ObjectType('Return')
export class ReturnRef {
  @Field(() => ID)
  id: string;
}
