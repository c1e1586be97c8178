import { Field, InputType } from 'type-graphql';
import {
  JSONScalar,
  JsonLimits,
  TextLimits,
  checkJson,
  checkText,
  inputBound,
  jsonBound,
  problemsOf,
  textBound,
} from '@supply-graph/shared';

const chars = (max: number, multiline = false) => textBound(max, { multiline }).description;
const VARIABLES = { maxBytes: JsonLimits.variablesBytes, maxDepth: JsonLimits.payloadDepth };

/** The bounds of a `RegisterWebhookInput` (the service checks what the values mean: a public URL, a valid document). */
export const registerWebhookBound = inputBound((input) =>
  problemsOf(
    checkText('url', input.url, { max: TextLimits.url }),
    checkText('secret', input.secret, { max: TextLimits.secret }),
    checkText('query', input.query, { max: TextLimits.document, multiline: true }),
    checkJson('variables', input.variables, VARIABLES),
    checkText('operationName', input.operationName, { max: TextLimits.operationName }),
    checkText('description', input.description, { max: TextLimits.reason, multiline: true }),
  ),
);

@InputType({ description: 'A partner endpoint to receive order status changes.' })
export class RegisterWebhookInput {
  @Field(() => String, { description: `http(s) URL the deliveries are POSTed to. ${chars(TextLimits.url)}` })
  url: string;

  @Field(() => String, {
    description:
      'At least 16 characters; signs every delivery (HMAC-SHA256). Shown only as its last four characters. ' +
      `${chars(TextLimits.secret)}`,
  })
  secret: string;

  @Field(() => String, {
    description:
      'A subscription document on orderStatusChanged, e.g. ' +
      '`subscription { orderStatusChanged(channel: "tmall") { eventId to order { id status } } }`: its arguments ' +
      'filter the events (orderId, customerId, channel), its selection (any field of any subgraph) is the payload. ' +
      chars(TextLimits.document, true),
  })
  query: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: `Values of the variables the document uses. ${jsonBound(VARIABLES).description}`,
  })
  variables?: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: `Which operation of the document, when it has several. ${chars(TextLimits.operationName)}`,
  })
  operationName?: string | null;

  @Field(() => String, { nullable: true, description: chars(TextLimits.reason, true) })
  description?: string | null;
}
