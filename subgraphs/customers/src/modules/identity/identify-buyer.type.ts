import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The answer to `identifyBuyer`, internal to the platform. */
@Directive('@inaccessible')
@ObjectType()
export class IdentifiedBuyer {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, { description: 'identity, email, phone or new' })
  matchedBy: string;

  @Field(() => Boolean, { description: "The customer is a channel's guest." })
  guest: boolean;
}
