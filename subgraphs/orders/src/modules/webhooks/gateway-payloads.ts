import { REQUEST_ID_HEADER, traceHeaders, type Peers } from '@supply-graph/shared';

// The gateway's internal endpoint (gateway/src/subscriptions/payload-endpoint.ts); the orders
// package does not depend on the gateway's, so the path is repeated here.
const PAYLOAD_PATH = '/internal/subscription-payload';

/** A webhook's subscription document, as registered. */
export interface SubscriptionDocument {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

/** The root field's arguments with the variables applied (null: not given). */
export interface SubscriptionFilter {
  orderId: string | null;
  customerId: string | null;
  channel: string | null;
  after: string | null;
}

/** One status event, as the gateway resolves it. */
export interface StatusEventRef {
  eventId: string;
  orderId: string;
  from: string | null;
  to: string;
  at: string;
}

/** Where to reach the gateway, and as whom. */
export interface GatewayAccess {
  peers: Peers;
  requestId: string;
  timeoutMs: number;
  /**
   * The `authorization` header: an internal token carrying the webhook owner's
   * claims (`ownerAuthorization`), which the gateway resolves the payload with.
   */
  authorization(): Promise<string>;
}

/** The payload could not be had: the attempt fails with this message (and is retried). */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

interface EndpointAnswer {
  filter?: Record<string, unknown>;
  data?: unknown;
  errors?: { message: string }[];
}

async function post(access: GatewayAccess, body: object): Promise<{ status: number; answer: EndpointAnswer }> {
  const endpoint = new URL(PAYLOAD_PATH, access.peers.url('gateway')).toString();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [REQUEST_ID_HEADER]: access.requestId,
    authorization: await access.authorization(),
    ...traceHeaders(),
  };
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(access.timeoutMs),
    });
  } catch (err) {
    throw new PayloadError(`the gateway is unreachable: ${reasonOf(err)}`);
  }
  let answer: EndpointAnswer;
  try {
    answer = (await response.json()) as EndpointAnswer;
  } catch {
    throw new PayloadError(`the gateway answered ${response.status} without JSON`);
  }
  return { status: response.status, answer };
}

const asId = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Checks a document with the gateway, against the public supergraph: a valid
 * subscription on orderStatusChanged gives its filter, anything else every
 * problem the gateway found.
 */
export async function checkSubscriptionDocument(
  access: GatewayAccess,
  document: SubscriptionDocument,
): Promise<{ filter: SubscriptionFilter; problems?: never } | { problems: string[]; filter?: never }> {
  const { status, answer } = await post(access, {
    query: document.query,
    variables: document.variables,
    operationName: document.operationName ?? undefined,
  });
  if (status === 400) return { problems: (answer.errors ?? []).map((e) => e.message) };
  if (status !== 200 || !answer.filter)
    throw new PayloadError(`the gateway could not check the document (HTTP ${status})`);
  const f = answer.filter;
  return {
    filter: {
      orderId: asId(f.orderId),
      customerId: asId(f.customerId),
      channel: asId(f.channel),
      after: asId(f.after),
    },
  };
}

/**
 * The payload of one event for one document, as a live subscriber would get
 * it (`{ data: { orderStatusChanged: ... } }`), with the order as it is now.
 * A partial answer (any error) is refused: a partner must not get nulls where
 * a subgraph was briefly down, the attempt is retried instead.
 */
export async function resolvePayload(
  access: GatewayAccess,
  document: SubscriptionDocument,
  event: StatusEventRef,
): Promise<{ data: unknown }> {
  const { status, answer } = await post(access, {
    ...document,
    operationName: document.operationName ?? undefined,
    event,
  });
  if (status !== 200 || answer.errors?.length || answer.data === undefined || answer.data === null) {
    const messages = (answer.errors ?? []).map((e) => e.message).join('; ');
    throw new PayloadError(`the payload could not be resolved (HTTP ${status})${messages ? `: ${messages}` : ''}`);
  }
  return { data: answer.data };
}

/** A transport failure in a few words: the system error code when there is one. */
export function reasonOf(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
