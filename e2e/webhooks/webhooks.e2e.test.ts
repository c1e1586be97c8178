import { verifyWebhookSignature } from '@supply-graph/orders';
import { describeEachBackend, testBuses } from '@supply-graph/shared/testing';
import { gql } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './webhook-receiver';

/** A partner's payload: fields of orders, customers (name) and inventory (allocations, warehouses, products). */
const PARTNER_DOCUMENT = `subscription Partner {
  orderStatusChanged {
    eventId from to at
    order { id status customer { id name } lines { sku product { name } } allocations { sku warehouse { code } } }
  }
}`;
const BY_CUSTOMER = `subscription ByCustomer($customerId: ID) {
  orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }
}`;
const REGISTER = `mutation Register($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) { id url active secretLastFour filter { orderId customerId channel } }
}`;
const DEACTIVATE = 'mutation($id: ID!) { deactivateWebhook(id: $id) { id active } }';
const DELIVERIES = `query Deliveries($id: ID!, $status: WebhookDeliveryStatus) {
  webhook(id: $id) {
    deliveries(status: $status, first: 50) {
      totalCount
      edges { node { id eventId from to status attemptCount lastStatusCode lastError deliveredAt deadAt nextAttemptAt order { id } } }
    }
  }
}`;
const DELIVERY = `query Delivery($id: ID!) {
  webhookDelivery(id: $id) { id eventId status attemptCount lastError deadAt deliveredAt attempts { at statusCode error durationMs } webhook { id } }
}`;
const RESEND =
  'mutation($id: ID!) { resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt } }';
const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const REPLAY =
  'subscription Replay($orderId: ID, $after: ID) { orderStatusChanged(orderId: $orderId, after: $after) { eventId to } }';

interface Payload {
  data: {
    orderStatusChanged: {
      eventId: string;
      from: string | null;
      to: string;
      at: string;
      order: {
        id: string;
        status: string;
        customer: { id: string; name: string };
        lines: { sku: string; product: { name: string } }[];
        allocations: { sku: string; warehouse: { code: string } }[];
      };
    };
  };
}
interface Delivery {
  id: string;
  eventId: string;
  from: string | null;
  to: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
  nextAttemptAt: string | null;
  order: { id: string };
}
interface Customer {
  id: string;
  name: string;
  email: string;
}

const SECRET = 'partner-secret-0123456789';
const SKU = 'SKU-0011';
// Shortened for the test: retries after 50, 100, 200, 200 ... ms, given up 1.5 s after the first attempt.
const GIVE_UP_MS = 1500;

for (const { bus, skip, note } of testBuses()) {
  describeEachBackend(`partner webhooks [${note}]`, (backend) => {
    let platform: TestPlatform;
    let db: Awaited<ReturnType<typeof sqlClient>>;
    let receiver: WebhookReceiver;
    let buyers: Customer[];
    let n = 0;
    const it = skip ? globalThis.it.skip : globalThis.it;

    beforeAll(async () => {
      if (skip) return;
      platform = await startTestPlatform(backend, {
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
      db = await sqlClient(platform.databaseUrl);
      receiver = await startWebhookReceiver();
      buyers = await db.rows<Customer>(
        'SELECT id, name, email FROM customers.customer WHERE email IS NOT NULL ORDER BY created_at, id LIMIT 4',
      );
      await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = $1', [SKU]);
    });
    afterAll(async () => {
      await receiver?.close();
      await db?.end();
      await platform?.close();
    });

    const call = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const result = await gql<T, Record<string, unknown>>(platform.gatewayUrl, query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const register = async (path: string, query: string, variables: Record<string, unknown> = {}) =>
      (
        await call<{ registerWebhook: { id: string; filter: Record<string, string | null>; secretLastFour: string } }>(
          REGISTER,
          {
            input: { url: receiver.url(path), secret: SECRET, query, variables, description: `e2e ${path}` },
          },
        )
      ).registerWebhook;
    const deactivate = (id: string) => call(DEACTIVATE, { id });
    const place = async (buyer: Customer) =>
      (
        await call<{ placeOrder: { order: { id: string } } }>(PLACE, {
          input: {
            channel: 'webstore',
            externalId: `HOOK-${Date.now()}-${(n += 1)}`,
            buyer: { name: buyer.name, email: buyer.email },
            currency: 'CNY',
            lines: [{ sku: SKU, quantity: 1, unitPrice: '19.90' }],
            // A new street each time: the velocity risk rule would hold many orders to one address.
            shippingAddress: {
              name: buyer.name,
              country: 'CN',
              province: 'Shanghai',
              city: 'Shanghai',
              line1: `No. ${n} Huaihai Road`,
            },
          },
        })
      ).placeOrder.order.id;
    const deliveries = async (webhookId: string, status?: string) =>
      (
        await call<{ webhook: { deliveries: { totalCount: number; edges: { node: Delivery }[] } } }>(DELIVERIES, {
          id: webhookId,
          status,
        })
      ).webhook.deliveries.edges.map((e) => e.node);
    const payloadOf = (r: ReceivedRequest) => JSON.parse(r.body) as Payload;
    // Deliveries due together are sent concurrently, so they may arrive in any order: partners order by event id.
    const byEventId = (a: ReceivedRequest, b: ReceivedRequest) =>
      String(a.headers['x-supply-graph-event-id']).localeCompare(String(b.headers['x-supply-graph-event-id']));
    const forOrder = (requests: ReceivedRequest[], orderId: string) =>
      requests.filter((r) => payloadOf(r).data.orderStatusChanged.order.id === orderId).sort(byEventId);

    it('delivers PENDING and ALLOCATED with fields of several subgraphs, signed, with the event ids subscribers see', async () => {
      const webhook = await register('/a', PARTNER_DOCUMENT);
      expect(webhook.secretLastFour).toBe(SECRET.slice(-4));
      expect(webhook.filter).toEqual({ orderId: null, customerId: null, channel: null });
      const buyer = buyers[0];
      const orderId = await place(buyer);
      const requests = await eventually(async () => {
        const got = forOrder(receiver.received('/a'), orderId);
        return got.length >= 2 ? got : undefined;
      }, 'PENDING and ALLOCATED at the receiver');

      const payloads = requests.map((r) => payloadOf(r).data.orderStatusChanged);
      expect(payloads.map((p) => [p.from, p.to])).toEqual([
        [null, 'PENDING'],
        ['PENDING', 'ALLOCATED'],
      ]);
      for (const [i, request] of requests.entries()) {
        const { headers, body } = request;
        expect(headers['content-type']).toBe('application/json');
        expect(
          verifyWebhookSignature(
            SECRET,
            headers['x-supply-graph-timestamp'] as string,
            body,
            headers['x-supply-graph-signature'] as string,
          ),
        ).toBe(true);
        expect(
          verifyWebhookSignature(
            'not-the-partner-secret',
            headers['x-supply-graph-timestamp'] as string,
            body,
            headers['x-supply-graph-signature'] as string,
          ),
        ).toBe(false);
        expect(headers['x-supply-graph-event-id']).toBe(payloads[i].eventId);
        expect(headers['x-supply-graph-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      // The order's fields from the customers and inventory subgraphs, resolved through the gateway.
      for (const p of payloads) {
        expect(p.order).toMatchObject({
          id: orderId,
          customer: { id: buyer.id, name: buyer.name },
          lines: [{ sku: SKU, product: { name: expect.any(String) } }],
        });
      }
      expect(payloads[1].order.status).toBe('ALLOCATED');
      expect(payloads[1].order.allocations).toEqual([
        { sku: SKU, warehouse: { code: expect.stringMatching(/^[A-Z]{3}$/) } },
      ]);

      // The same ids a subscriber of orderStatusChanged gets (here replayed from the start).
      const eventIds = payloads.map((p) => p.eventId);
      expect(eventIds.every((id) => /^\d{16}$/.test(id))).toBe(true);
      expect(BigInt(eventIds[1])).toBeGreaterThan(BigInt(eventIds[0]));
      const replay = subscribeWs<{ orderStatusChanged: { eventId: string; to: string } }>(platform.gatewayUrl, REPLAY, {
        orderId,
        after: '0'.repeat(16),
      });
      try {
        expect((await replay.waitFor(2)).map((r) => r.data!.orderStatusChanged)).toEqual([
          { eventId: eventIds[0], to: 'PENDING' },
          { eventId: eventIds[1], to: 'ALLOCATED' },
        ]);
      } finally {
        await replay.stop();
      }

      // The receiver answered; the outcome is recorded right after.
      const delivered = await eventually(async () => {
        const list = (await deliveries(webhook.id)).filter((d) => d.order.id === orderId);
        return list.every((d) => d.status === 'DELIVERED') ? list : undefined;
      }, 'both deliveries recorded as DELIVERED');
      expect(delivered.map((d) => [d.to, d.status, d.attemptCount, d.lastStatusCode, d.eventId])).toEqual([
        ['ALLOCATED', 'DELIVERED', 1, 200, eventIds[1]],
        ['PENDING', 'DELIVERED', 1, 200, eventIds[0]],
      ]);
      // The secret is never shown: not in the webhook, not in its deliveries.
      const everything = await gql(
        platform.gatewayUrl,
        '{ webhooks(first: 100) { edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } } } }',
      );
      expect(JSON.stringify(everything)).not.toContain(SECRET);
      // Nor in the database: it is stored sealed (AES-256-GCM under a key kept outside it), yet the deliveries were signed with it.
      const [stored] = await db.rows<{ secret: string }>('SELECT secret FROM orders.webhook WHERE id = $1', [
        webhook.id,
      ]);
      expect(stored.secret).toMatch(/^v1:/);
      expect(stored.secret).not.toContain(SECRET);
      await deactivate(webhook.id);
    });

    it('retries a failing receiver with backoff, dead-letters the delivery after the give-up time, and re-sends it on demand', async () => {
      receiver.answer('/b', 500);
      const webhook = await register('/b', PARTNER_DOCUMENT);
      const orderId = await place(buyers[1]);
      const dead = await eventually(
        async () => {
          const list = (await deliveries(webhook.id)).filter((d) => d.order.id === orderId);
          return list.length === 2 && list.every((d) => d.status === 'DEAD') ? list : undefined;
        },
        'both deliveries DEAD',
        15_000,
      );
      const allocated = dead.find((d) => d.to === 'ALLOCATED')!;
      const { webhookDelivery } = await call<{
        webhookDelivery: {
          status: string;
          attemptCount: number;
          lastError: string;
          deadAt: string;
          attempts: { at: string; statusCode: number; error: string; durationMs: number }[];
        };
      }>(DELIVERY, { id: allocated.id });
      expect(webhookDelivery.attemptCount).toBeGreaterThanOrEqual(3);
      expect(webhookDelivery.attempts).toHaveLength(webhookDelivery.attemptCount);
      expect(
        webhookDelivery.attempts.every((a) => a.statusCode === 500 && a.error === 'HTTP 500' && a.durationMs >= 0),
      ).toBe(true);
      expect(webhookDelivery.lastError).toMatch(/^given up after \d+ failed attempts .*HTTP 500$/);
      // Backed off (50 ms doubling up to 200 ms, less at most 20 % jitter), and given up after the period
      // (the last retry was due within it; allow for the dispatcher's 50 ms polling).
      const times = webhookDelivery.attempts.map((a) => new Date(a.at).getTime());
      times
        .slice(1)
        .forEach((t, i) => expect(t - times[i]).toBeGreaterThanOrEqual(0.8 * Math.min(50 * 2 ** i, 200) - 1));
      expect(times[times.length - 1] - times[0]).toBeLessThanOrEqual(GIVE_UP_MS + 500);

      // Every POST of the delivery carried the same event id; none arrive once it is DEAD.
      const posts = () =>
        receiver.received('/b').filter((r) => r.headers['x-supply-graph-delivery-id'] === allocated.id);
      expect(posts()).toHaveLength(webhookDelivery.attemptCount);
      expect(new Set(posts().map((r) => r.headers['x-supply-graph-event-id']))).toEqual(new Set([allocated.eventId]));
      const postsAtDeath = receiver.received('/b').length;
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.received('/b')).toHaveLength(postsAtDeath);

      // Fixed receiver, re-sent: delivered with the same event id, earlier attempts kept.
      receiver.answer('/b', 200);
      const resent = (await call<{ resendWebhookDelivery: Delivery }>(RESEND, { id: allocated.id }))
        .resendWebhookDelivery;
      expect(resent).toMatchObject({ id: allocated.id, eventId: allocated.eventId, status: 'PENDING', deadAt: null });
      const after = await eventually(async () => {
        const d = (
          await call<{
            webhookDelivery: {
              status: string;
              attemptCount: number;
              deliveredAt: string;
              attempts: { statusCode: number }[];
            };
          }>(DELIVERY, { id: allocated.id })
        ).webhookDelivery;
        return d.status === 'DELIVERED' ? d : undefined;
      }, 'the re-sent delivery DELIVERED');
      expect(after.attempts.map((a) => a.statusCode)).toEqual([...webhookDelivery.attempts.map(() => 500), 200]);
      const last = posts()[posts().length - 1];
      expect(last.answered).toBe(200);
      expect(last.headers['x-supply-graph-event-id']).toBe(allocated.eventId);
      expect(
        verifyWebhookSignature(
          SECRET,
          last.headers['x-supply-graph-timestamp'] as string,
          last.body,
          last.headers['x-supply-graph-signature'] as string,
        ),
      ).toBe(true);
      // The other delivery stays DEAD: nothing is re-sent unless asked.
      expect((await deliveries(webhook.id, 'DEAD')).filter((d) => d.order.id === orderId).map((d) => d.to)).toEqual([
        'PENDING',
      ]);

      // A deactivated webhook's deliveries cannot be re-sent.
      await deactivate(webhook.id);
      const refused = await gql(platform.gatewayUrl, RESEND, { id: allocated.id });
      expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('refuses a bad URL, a short secret and an invalid document at once, storing nothing', async () => {
      const [{ count: before }] = await db.rows<{ count: number }>('SELECT count(*)::int AS count FROM orders.webhook');
      const result = await gql(platform.gatewayUrl, REGISTER, {
        input: {
          url: 'ftp://partner.example.com/hook',
          secret: 'too-short',
          query: 'subscription { orderStatusChanged { eventId nonsense } }',
        },
      });
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors!;
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      const problems = error.extensions?.problems as { field: string; message: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['query', 'secret', 'url']);
      expect(problems.find((p) => p.field === 'query')!.message).toMatch(/nonsense/);
      expect(error.message).toMatch(/url: .*secret: .*query: /);
      // A valid document of the wrong kind is refused too.
      const query = await gql(platform.gatewayUrl, REGISTER, {
        input: { url: receiver.url('/c'), secret: SECRET, query: '{ orders(first: 1) { totalCount } }' },
      });
      expect(query.errors?.[0].extensions?.problems).toEqual([
        { field: 'query', message: expect.stringMatching(/subscription/) },
      ]);
      const [{ count }] = await db.rows<{ count: number }>('SELECT count(*)::int AS count FROM orders.webhook');
      expect(count).toBe(before);
    });

    it("delivers only the filtered customer's orders", async () => {
      const [, , mine, other] = buyers;
      const filtered = await register('/d-mine', BY_CUSTOMER, { customerId: mine.id });
      expect(filtered.filter).toEqual({ orderId: null, customerId: mine.id, channel: null });
      const everyone = await register('/d-all', BY_CUSTOMER);
      const mineId = await place(mine);
      const otherId = await place(other);
      // Both orders' events are fanned out in the same transactions for both webhooks: once the
      // unfiltered one has all four, the filtered one has had every chance to get the other's.
      const seen = (path: string) =>
        [...receiver.received(path)].sort(byEventId).map(
          (r) =>
            JSON.parse(r.body) as {
              data: { orderStatusChanged: { to: string; order: { id: string; customer: { id: string } } } };
            },
        );
      await eventually(
        async () => (seen('/d-all').length === 4 ? true : undefined),
        'four events at the unfiltered webhook',
      );
      await eventually(
        async () => (seen('/d-mine').length === 2 ? true : undefined),
        "two events of the customer's order",
      );
      expect(
        seen('/d-mine').map((p) => [
          p.data.orderStatusChanged.order.id,
          p.data.orderStatusChanged.order.customer.id,
          p.data.orderStatusChanged.to,
        ]),
      ).toEqual([
        [mineId, mine.id, 'PENDING'],
        [mineId, mine.id, 'ALLOCATED'],
      ]);
      expect(new Set(seen('/d-all').map((p) => p.data.orderStatusChanged.order.id))).toEqual(
        new Set([mineId, otherId]),
      );
      expect((await deliveries(filtered.id)).map((d) => d.order.id)).toEqual([mineId, mineId]);
      await Promise.all([deactivate(filtered.id), deactivate(everyone.id)]);
    });
  });
}
