import { Field, InputType } from 'type-graphql';
import { JSONScalar } from '@supply-graph/shared';

@InputType({ description: 'A partner endpoint to receive order status changes.' })
export class RegisterWebhookInput {
  @Field(() => String, { description: 'http(s) URL the deliveries are POSTed to.' })
  url: string;

  @Field(() => String, { description: 'At least 16 characters; signs every delivery (HMAC-SHA256). Shown only as its last four characters.' })
  secret: string;

  @Field(() => String, {
    description:
      'A subscription document on orderStatusChanged, e.g. `subscription { orderStatusChanged(channel: "tmall") { eventId to order { id status } } }`: ' +
      'its arguments filter the events (orderId, customerId, channel), its selection (any field of any subgraph) is the payload.',
  })
  query: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Values of the variables the document uses.' })
  variables?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Which operation of the document, when it has several.' })
  operationName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
