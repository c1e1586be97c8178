import { Directive, Field, InputType } from 'type-graphql';

/** A buyer as an order names them. Internal: orders calls it, clients never see it. */
@Directive('@inaccessible')
@InputType()
export class IdentifyBuyerInput {
  @Field(() => String)
  channel: string;

  @Field(() => String, { nullable: true, description: "The buyer's id on the channel, when the channel gives one." })
  channelBuyerId: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  phone: string | null;
}
