import { Field, InputType, Int } from 'type-graphql';
import {
  SCOPES,
  TextLimits,
  checkInt,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  textBound,
} from '@supply-graph/shared';

export const RATE_LIMIT_RANGE = { min: 1, max: 1_000_000 };
const MAX_CHANNELS = 50;

/** The bounds of a CreateApiClientInput (the service checks what the values mean). */
export const createApiClientBound = inputBound((input) =>
  problemsOf(
    checkText('name', input.name, { max: TextLimits.name }),
    checkListSize('scopes', input.scopes, SCOPES.length),
    checkListSize('channels', input.channels, MAX_CHANNELS),
    ...((input.channels as unknown[] | null | undefined) ?? []).map((c, i) =>
      checkText(`channels[${i}]`, c, { max: TextLimits.code }),
    ),
    ...((input.scopes as unknown[] | null | undefined) ?? []).map((s, i) =>
      checkText(`scopes[${i}]`, s, { max: TextLimits.code }),
    ),
    checkInt('rateLimitPerMinute', input.rateLimitPerMinute, RATE_LIMIT_RANGE),
  ),
);

@InputType()
export class CreateApiClientInput {
  @Field(() => String, { description: `What the client is, for operators. ${textBound(TextLimits.name).description}` })
  name: string;

  @Field(() => [String], {
    description: `Scopes its tokens may carry: at most the creator's own. At most ${SCOPES.length}.`,
  })
  scopes: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Channel codes it is limited to (null: every channel; a channel-scoped creator must name a subset of its own). ' +
      `At most ${MAX_CHANNELS}.`,
  })
  channels?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `Requests per minute, ${RATE_LIMIT_RANGE.min}..${RATE_LIMIT_RANGE.max}; null: the platform default.`,
  })
  rateLimitPerMinute?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  trustedDocumentsOnly?: boolean | null;
}
