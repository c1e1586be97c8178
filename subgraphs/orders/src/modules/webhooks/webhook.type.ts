import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar, PageInfo } from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: waiting for its first attempt or for a retry.' },
    DELIVERED: { description: 'The partner answered 2xx.' },
    DEAD: { description: 'Dead-lettered: every retry failed for the give-up period, or the webhook was deactivated.' },
  },
});

@ObjectType({
  description: 'Which status events a webhook receives: the arguments of its subscription; null matches any.',
})
export class WebhookFilter {
  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => String, { nullable: true, description: 'Channel code, case-insensitive.' })
  channel: string | null;
}

@ObjectType({
  description:
    "A partner's endpoint: every matching order status change is POSTed to `url`, shaped by the subscription " +
    'document `query` and signed with the secret (see the README: x-supply-graph-signature).',
})
export class Webhook {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => String, { description: 'A subscription on orderStatusChanged; its selection is the payload.' })
  query: string;

  @Field(() => JSONScalar, { description: 'Values of the variables the document uses.' })
  variables: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Field(() => WebhookFilter)
  filter: WebhookFilter;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Boolean, { description: 'False once deactivated: no new deliveries, no re-sends.' })
  active: boolean;

  @Field(() => String, {
    description: 'The last four characters of the secret; the secret itself is never shown again.',
  })
  secretLastFour: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: 'One try at sending a delivery.' })
export class WebhookAttempt {
  @Field(() => Date)
  at: Date;

  @Field(() => Int, {
    nullable: true,
    description: "The partner's HTTP status; null when none came (timeout, refused, payload error).",
  })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the attempt failed; null when it succeeded.' })
  error: string | null;

  @Field(() => Int, { description: 'Payload resolution and the request together.' })
  durationMs: number;
}

@ObjectType({ description: 'One status event on its way to one webhook.' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  /** Loaded by the field resolver. */
  webhookId: string;

  /** Loaded by the field resolver. */
  orderId: string;

  @Field(() => ID, {
    description:
      'The event id (as in orderStatusChanged), sent as x-supply-graph-event-id: the same on every retry and re-send.',
  })
  eventId: string;

  @Field(() => OrderStatus, { nullable: true, description: 'The status the event left.' })
  from: OrderStatus | null;

  @Field(() => OrderStatus, { description: 'The status the event entered.' })
  to: OrderStatus;

  @Field(() => Date, { description: 'When the status changed.' })
  eventAt: Date;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts so far, re-sends included.' })
  attemptCount: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null unless PENDING.' })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why the delivery is DEAD.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true })
  deadAt: Date | null;
}

@ObjectType()
export class WebhookEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Webhook)
  node: Webhook;
}

@ObjectType()
export class WebhookConnection {
  @Field(() => [WebhookEdge])
  edges: WebhookEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => WebhookDelivery)
  node: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All deliveries matching the status, across pages.' })
  totalCount: number;
}
