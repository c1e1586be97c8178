import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
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

@ObjectType({ description: 'Who is asking: the verified token behind this request.' })
export class Viewer {
  @Field(() => String, { description: "The token's sub: a staff member, or an API client's clientId." })
  sub: string;

  @Field(() => [String])
  scopes: string[];

  @Field(() => [String], { nullable: true, description: 'Null: every channel.' })
  channels: string[] | null;
}

@ObjectType({
  description:
    'A partner system or an internal service that gets tokens by the client-credentials grant (POST /oauth/token).',
})
export class ApiClient {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'What the client sends as client_id (public).' })
  clientId: string;

  @Field(() => [String])
  scopes: string[];

  @Field(() => [String], { nullable: true, description: 'Channels its tokens are limited to; null: every channel.' })
  channels: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute; null: the platform default (RATE_LIMIT_PER_MINUTE).',
  })
  rateLimitPerMinute: number | null;

  @Field(() => Boolean, { description: 'True: may run only documents of the persisted-documents manifest.' })
  trustedDocumentsOnly: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set: its tokens no longer work (within 30 s of this time).' })
  disabledAt: Date | null;
}

@ObjectType()
export class ApiClientCredentials {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field(() => String, {
    description: 'Shown once, here; stored only as a hash. Lost: create a new client and disable this one.',
  })
  clientSecret: string;
}

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
    description: `Channel codes it is limited to (null: every channel; a channel-scoped creator must name a subset of its own). At most ${MAX_CHANNELS}.`,
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
