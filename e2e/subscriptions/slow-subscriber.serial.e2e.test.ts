import { request, type IncomingMessage } from 'node:http';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { describePlatformSuite } from '../support/backends';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from '../generated/suites';
import { defaultAuthorization } from '../support/auth';
import { PLACE_ORDER } from '../support/documents';
import { type GraphQLResponse, withAuthorization } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

// A fat selection: every event carries the customer's recent orders, so a client that stops
// reading fills the socket buffers quickly and events then pile up at the gateway.
const SUBSCRIPTION = graphql(`
  subscription SlowFat($customerId: ID, $after: ID) {
    orderStatusChanged(customerId: $customerId, after: $after) {
      eventId to
      order {
        id
        customer {
          id
          orders(first: 50) {
            edges { node { id status statusHistory { from to at reason } lines { sku quantity product { name } } } }
          }
        }
      }
    }
  }
`);
/** The document as text, for the clients below that speak the protocols by hand. */
const SUBSCRIPTION_TEXT = print(SUBSCRIPTION);
type Event = ResultOf<typeof SUBSCRIPTION>;

describePlatformSuite('a slow subscriber is cut off and resumes; the others are not held up', (backend) => {
  const { platform, db, ask } = usePlatform(backend, { customers: 30, orders: 60, env: { SUBSCRIPTION_BUFFER: '5' } });
  let buyer: { id: string; name: string; email: string };

  beforeAll(async () => {
    [buyer] = await db.rows<{ id: string; name: string; email: string }>(
      'SELECT id, name, email FROM customers.customer WHERE email IS NOT NULL ORDER BY id LIMIT 1',
    );
    await db.query("UPDATE inventory.stock_level SET on_hand = on_hand + 100000 WHERE sku = 'SKU-0009'");
  });

  /** The gateway's count of subscribers it cut off (one registry per process: compare with a value taken before). */
  const tooSlowDisconnects = () =>
    metricValue(platform.gatewayUrl, 'supply_graph_subscription_disconnects_total{reason="too-slow"}');

  /** Places orders for the buyer until the gateway has cut off one more subscriber; returns their ids. */
  const placeUntilCutOff = async (cutOffsBefore: number) => {
    const placed: string[] = [];
    for (let i = 0; i < 400 && (await tooSlowDisconnects()) === cutOffsBefore; i += 1) {
      const result = await ask(PLACE_ORDER, {
        input: {
          channel: 'webstore',
          externalId: `SLOW-${Date.now()}-${i}`,
          buyer: { name: buyer.name, email: buyer.email },
          currency: 'CNY',
          lines: [{ sku: 'SKU-0009', quantity: 1, unitPrice: '9.90' }],
          shippingAddress: { name: buyer.name, country: 'CN', city: 'Shanghai', line1: `Lane ${i}` },
        },
      });
      expect(result.errors).toBeUndefined();
      placed.push(result.data!.placeOrder.order!.id);
    }
    expect(await tooSlowDisconnects()).toBe(cutOffsBefore + 1);
    return placed;
  };

  it('closes the slow WebSocket with 4429 and where to resume, while a fast subscriber gets every event', async () => {
    const cutOffsBefore = await tooSlowDisconnects();
    const fast = subscribeWs(platform.gatewayUrl, SUBSCRIPTION, { customerId: buyer.id });
    let closed: { code: number; reason: string } | null = null;
    let socket: WebSocket | null = null;
    const slowResults: Event[] = [];
    const slow = createClient({
      url: platform.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: defaultAuthorization(platform.gatewayUrl) },
      on: {
        connected: (s) => void (socket = s as WebSocket),
        closed: (e) =>
          void (closed = { code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }),
      },
    });
    slow.subscribe<Event>(
      { query: SUBSCRIPTION_TEXT, variables: { customerId: buyer.id } },
      { next: (r) => void slowResults.push(r.data!), error: () => undefined, complete: () => undefined },
    );
    for (let i = 0; i < 100 && !socket; i += 1) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    // Stop reading: the kernel's buffers fill, then the gateway's per-subscriber buffer.
    socket!.pause();

    const placed = await placeUntilCutOff(cutOffsBefore);

    // The fast subscriber was never held up: it has every event so far, in order, without gaps.
    const fastSeen = (await fast.waitFor(placed.length * 2, 30_000)).map((r) => r.data!.orderStatusChanged);
    expect(new Set(fastSeen.map((e) => e.order.id))).toEqual(new Set(placed));
    expect(fastSeen.map((e) => e.eventId)).toEqual([...fastSeen.map((e) => e.eventId)].sort());

    // Reading again, the slow client finds the close: code 4429 and where to resume.
    socket!.resume();
    for (let i = 0; i < 200 && !closed; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(closed).toMatchObject({
      code: 4429,
      reason: expect.stringMatching(/^SUBSCRIBER_TOO_SLOW: resume with after=\d{16}$/),
    });
    const resumeAfter = /after=(\d{16})/.exec(closed!.reason)![1];
    const got = slowResults.map((r) => r.orderStatusChanged.eventId);
    expect(got.every((id) => id <= resumeAfter)).toBe(true);

    // Resuming from there gives exactly the rest.
    const resumed = subscribeWs(platform.gatewayUrl, SUBSCRIPTION, { customerId: buyer.id, after: resumeAfter });
    const rest = fastSeen.filter((e) => e.eventId > resumeAfter).map((e) => e.eventId);
    const replayed = (await resumed.waitFor(rest.length, 30_000)).map((r) => r.data!.orderStatusChanged.eventId);
    expect(replayed).toEqual(rest);
    await Promise.all([fast.stop(), resumed.stop(), slow.dispose()]);
  }, 120_000);

  it('ends a slow SSE stream with the SUBSCRIBER_TOO_SLOW error and where to resume', async () => {
    const cutOffsBefore = await tooSlowDisconnects();
    let text = '';
    let ended = false;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        platform.gatewayUrl,
        {
          method: 'POST',
          headers: withAuthorization(platform.gatewayUrl, {
            'content-type': 'application/json',
            accept: 'text/event-stream',
          }),
        },
        resolve,
      );
      req.once('error', reject);
      req.end(JSON.stringify({ query: SUBSCRIPTION_TEXT, variables: { customerId: buyer.id } }));
    });
    expect(response.statusCode).toBe(200);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => void (text += chunk));
    response.once('end', () => void (ended = true));
    await subscribedOne();
    // Stop reading the stream.
    response.pause();
    await placeUntilCutOff(cutOffsBefore);
    response.resume();
    for (let i = 0; i < 200 && !ended; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(true);
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => ({
        event: /^event: (\w+)/m.exec(block)?.[1],
        data: /^data: ?(.*)$/m.exec(block)?.[1] ?? '',
      }));
    const [last, error] = [events.at(-1)!, events.at(-2)!];
    expect(last.event).toBe('complete');
    expect(error.event).toBe('next');
    const payload = JSON.parse(error.data) as GraphQLResponse<Event>;
    const lastEventId = String(payload.errors?.[0].extensions?.lastEventId);
    expect(payload.errors?.[0].extensions).toMatchObject({
      code: 'SUBSCRIBER_TOO_SLOW',
      lastEventId: expect.stringMatching(/^\d{16}$/),
    });
    // Every event the stream did carry is at or before the resume point.
    const carried = events
      .filter((e) => e.event === 'next')
      .slice(0, -1)
      .map((e) => (JSON.parse(e.data) as GraphQLResponse<Event>).data!.orderStatusChanged.eventId);
    expect(carried.every((id) => id <= lastEventId)).toBe(true);
  }, 120_000);

  /** Waits for the gateway to count one subscriber (the SSE one) more than none. */
  const subscribedOne = () =>
    eventually(
      async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) === 1 || undefined,
      'the SSE subscriber',
    );
});
