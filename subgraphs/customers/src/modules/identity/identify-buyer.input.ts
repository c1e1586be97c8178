import { TextLimits, checkText, inputBound, problemsOf, textBound } from '@supply-graph/shared';
import { Directive, Field, InputType } from 'type-graphql';

const chars = (max: number) => textBound(max).description;

/** The bounds of an `IdentifyBuyerInput`: the order's own bounds, so anything orders accepted passes. */
export const identifyBuyerBound = inputBound((input) =>
  problemsOf(
    checkText('channel', input.channel, { max: TextLimits.code }),
    checkText('channelBuyerId', input.channelBuyerId, { max: TextLimits.externalId }),
    checkText('name', input.name, { max: TextLimits.name }),
    checkText('email', input.email, { max: TextLimits.email }),
    checkText('phone', input.phone, { max: TextLimits.phone }),
  ),
);

/** A buyer as an order names them. Internal: orders calls it, clients never see it. */
@Directive('@inaccessible')
@InputType()
export class IdentifyBuyerInput {
  @Field(() => String, { description: chars(TextLimits.code) })
  channel: string;

  @Field(() => String, {
    nullable: true,
    description: `The buyer's id on the channel, when the channel gives one. ${chars(TextLimits.externalId)}`,
  })
  channelBuyerId: string | null;

  @Field(() => String, { description: chars(TextLimits.name) })
  name: string;

  @Field(() => String, { nullable: true, description: chars(TextLimits.email) })
  email: string | null;

  @Field(() => String, { nullable: true, description: `E.164. ${chars(TextLimits.phone)}` })
  phone: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'The channel\'s guest (the order named no buyer; channelBuyerId is the guest identity, e.g. "guest:amazon"): ' +
      'matched by that identity only, to a guest customer only.',
  })
  guest?: boolean | null;
}
