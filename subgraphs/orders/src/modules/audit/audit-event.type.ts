import { PageInfo } from '@supply-graph/shared';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'One entry of the audit trail: a mutation, allowed or refused, or a read of real PII values (one entry per ' +
    'object read). Written by the service that served the call, in the same transaction as the change when there is ' +
    'one.',
})
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: "The caller: the token's sub." })
  actor: string;

  @Field(() => String, { description: 'The mutation\'s field name (e.g. "placeOrder"), or "pii.read".' })
  action: string;

  @Field(() => String, {
    nullable: true,
    description:
      '"<Type>:<id>" of the object acted on or read, e.g. "Order:1f0c..."; null when the call names no single object.',
  })
  target: string | null;

  @Field(() => String, { nullable: true, description: 'The channel the call concerned, when it concerned one.' })
  channel: string | null;

  @Field(() => String, { nullable: true, description: "The gateway's request id (its x-request-id answer header)." })
  requestId: string | null;

  @Field(() => String, { description: '"ok", or the error code the caller got (e.g. "FORBIDDEN", "BAD_USER_INPUT").' })
  outcome: string;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEvent)
  node: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
