import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

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

@Directive('@inaccessible')
@ObjectType({ description: 'What the gateway needs of a client beyond its token (internal).' })
export class ApiClientPolicy {
  @Field(() => String)
  clientId: string;

  @Field(() => Boolean)
  disabled: boolean;

  @Field(() => Int, { nullable: true })
  rateLimitPerMinute: number | null;

  @Field(() => Boolean)
  trustedDocumentsOnly: boolean;
}
