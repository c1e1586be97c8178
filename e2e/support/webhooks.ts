import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { verifyWebhookSignature } from '@supply-graph/orders';
import type { BusKind, TestBackend } from '@supply-graph/shared/testing';
import { print } from 'graphql';
import { graphql } from '../generated/suites';
import type { WebhookDeliveryStatus } from '../generated/suites/graphql';
import { PLACE_ORDER, shanghaiOrder } from './documents';
import { startedLater } from './started-later';
import { type PlatformUnderTest, usePlatform } from './use-platform';
import { type ReceivedRequest, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** A partner's payload: fields of orders, customers (name) and inventory (allocations, warehouses, products). */
export const PARTNER_DOCUMENT = graphql(`
  subscription HookPartner {
    orderStatusChanged {
      eventId from to at
      order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }
    }
  }
`);
const REGISTER = graphql(`
  mutation HookRegister($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }
  }
`);
const DEACTIVATE = graphql(`mutation HookDeactivate($id: ID!) { deactivateWebhook(id: $id) { id active } }`);
const DELIVERIES = graphql(`
  query HookDeliveries($id: ID!, $status: WebhookDeliveryStatus) {
    webhook(id: $id) {
      deliveries(status: $status, first: 50) {
        totalCount
        edges {
          node {
            id eventId from to status attemptCount lastStatusCode lastError
            deliveredAt deadAt nextAttemptAt order { id }
          }
        }
      }
    }
  }
`);

export const SECRET = 'partner-secret-0123456789';
export const SKU = 'SKU-0011';
// Shortened for the tests: retries after 50, 100, 200, 200 ... ms, given up 1.5 s after the first attempt.
export const GIVE_UP_MS = 1500;

/** Whether a POST the receiver got carries a valid signature of its exact body under `secret`. */
export const signedWith = (secret: string, { headers, body }: ReceivedRequest) =>
  verifyWebhookSignature(
    secret,
    headers['x-supply-graph-timestamp'] as string,
    body,
    headers['x-supply-graph-signature'] as string,
  );

/** A delivery's body as the partner reads it: the answer to the webhook's document. */
export const payloadOf = <T>(_document: TypedDocumentNode<T, never>, request: ReceivedRequest) =>
  (JSON.parse(request.body) as { data: T }).data;

// Deliveries due together are sent concurrently, so they may arrive in any order: partners order by event id.
export const byEventId = (a: ReceivedRequest, b: ReceivedRequest) =>
  String(a.headers['x-supply-graph-event-id']).localeCompare(String(b.headers['x-supply-graph-event-id']));

export interface WebhooksUnderTest extends PlatformUnderTest {
  receiver: WebhookReceiver;
  /** Four customers with an email, in a fixed order: each test takes its own. */
  buyers: () => { id: string; name: string; email: string }[];
  /** An operation that must succeed: its data. */
  call<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<T>;
  /** Registers a webhook on the receiver's `path` for the subscription `document`. */
  register(
    path: string,
    document: TypedDocumentNode<unknown, never>,
    variables?: Record<string, unknown>,
  ): Promise<ResultOf<typeof REGISTER>['registerWebhook']>;
  deactivate(id: string): Promise<unknown>;
  /** Places an order of the SKU for `buyer` and returns its id. */
  place(buyer: { name: string; email: string }): Promise<string>;
  deliveries(webhookId: string, status?: WebhookDeliveryStatus): ReturnType<typeof listDeliveries>;
}

const listDeliveries = async (ask: PlatformUnderTest['ask'], webhookId: string, status?: WebhookDeliveryStatus) => {
  const result = await ask(DELIVERIES, { id: webhookId, status });
  expect(result.errors).toBeUndefined();
  return result.data!.webhook!.deliveries.edges.map((e) => e.node);
};

/**
 * The set-up of a webhook suite: the platform (`usePlatform`) with webhook
 * dispatch and retries sped up, a partner's receiver on loopback, four buyers
 * and stock of the SKU for every order the suite places.
 */
export function useWebhooks(bus: BusKind, backend: TestBackend): WebhooksUnderTest {
  let receiver: WebhookReceiver | undefined;
  let buyers: { id: string; name: string; email: string }[] = [];
  let n = 0;
  // Registered before the platform's, so the receiver closes first, as the platform stops after it.
  afterAll(() => receiver?.close());
  const under = usePlatform(backend, {
    customers: 30,
    orders: 60,
    bus,
    env: {
      ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      ORDERS_WEBHOOK_RETRY_BASE_MS: '50',
      ORDERS_WEBHOOK_RETRY_MAX_MS: '200',
      ORDERS_WEBHOOK_GIVE_UP_AFTER_MS: String(GIVE_UP_MS),
      ORDERS_WEBHOOK_TIMEOUT_MS: '3000',
      // The test's receiver listens on loopback.
      ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
  });
  const { db, ask } = under;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    buyers = await db.rows(
      'SELECT id, name, email FROM customers.customer WHERE email IS NOT NULL ORDER BY created_at, id LIMIT 4',
    );
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = $1', [SKU]);
  });
  const started = startedLater(() => receiver, 'the webhook receiver');
  const call: WebhooksUnderTest['call'] = async (document, variables) => {
    const result = await ask(document, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  return {
    ...under,
    receiver: started,
    buyers: () => buyers,
    call,
    register: async (path, document, variables = {}) => {
      const input = { url: started.url(path), secret: SECRET, query: print(document), variables };
      return (await call(REGISTER, { input: { ...input, description: `e2e ${path}` } })).registerWebhook;
    },
    deactivate: (id) => call(DEACTIVATE, { id }),
    place: async (buyer) => {
      n += 1;
      const order = shanghaiOrder(
        `HOOK-${Date.now()}-${n}`,
        { name: buyer.name, email: buyer.email },
        [{ sku: SKU, quantity: 1, unitPrice: '19.90' }],
        `No. ${n} Huaihai Road`,
      );
      return (await call(PLACE_ORDER, { input: order })).placeOrder.order!.id;
    },
    deliveries: (webhookId, status) => listDeliveries(ask, webhookId, status),
  };
}
