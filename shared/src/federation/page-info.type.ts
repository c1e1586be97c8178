import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay-style page info; shareable because orders and customers both return connections. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
