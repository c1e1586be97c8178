import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { subscribeWs } from '../support/live';
import type { ReceivedRequest } from '../support/webhook-receiver';
import { byEventId, PARTNER_DOCUMENT, payloadOf, SECRET, SKU, signedWith, useWebhooks } from '../support/webhooks';
import { eventually } from '../support/wait';

const BY_CUSTOMER = graphql(`
  subscription HookByCustomer($customerId: ID) {
    orderStatusChanged(customerId: $customerId) { eventId to order { id customer { id } } }
  }
`);
const REPLAY = graphql(`
  subscription HookReplay($orderId: ID, $after: ID) {
    orderStatusChanged(orderId: $orderId, after: $after) { eventId to }
  }
`);
const EVERYTHING = graphql(`
  query HookEverything {
    webhooks(first: 100) {
      edges { node { id url query variables secretLastFour deliveries { edges { node { id lastError } } } } }
    }
  }
`);

describeEachBus('partner webhooks: delivery', (bus, backend) => {
  const { platform, db, ask, receiver, buyers, register, deactivate, place, deliveries } = useWebhooks(bus, backend);

  const forOrder = (requests: ReceivedRequest[], orderId: string) =>
    requests.filter((r) => payloadOf(PARTNER_DOCUMENT, r).orderStatusChanged.order.id === orderId).sort(byEventId);

  it(
    'delivers PENDING and ALLOCATED with fields of several subgraphs, signed, ' + 'with the event ids subscribers see',
    async () => {
      const webhook = await register('/a', PARTNER_DOCUMENT);
      expect(webhook.secretLastFour).toBe(SECRET.slice(-4));
      expect(webhook.filter).toEqual({ orderId: null, customerId: null, channel: null });
      const buyer = buyers()[0];
      const orderId = await place(buyer);
      const requests = await eventually(async () => {
        const got = forOrder(receiver.received('/a'), orderId);
        return got.length >= 2 ? got : undefined;
      }, 'PENDING and ALLOCATED at the receiver');

      const payloads = requests.map((r) => payloadOf(PARTNER_DOCUMENT, r).orderStatusChanged);
      expect(payloads.map((p) => [p.from, p.to])).toEqual([
        [null, 'PENDING'],
        ['PENDING', 'ALLOCATED'],
      ]);
      for (const [i, request] of requests.entries()) {
        const { headers } = request;
        expect(headers['content-type']).toBe('application/json');
        expect(signedWith(SECRET, request)).toBe(true);
        expect(signedWith('not-the-partner-secret', request)).toBe(false);
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
      const replay = subscribeWs(platform.gatewayUrl, REPLAY, { orderId, after: '0'.repeat(16) });
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
      const everything = await ask(EVERYTHING);
      expect(JSON.stringify(everything)).not.toContain(SECRET);
      // Nor in the database: it is stored sealed (AES-256-GCM under a key kept outside it),
      // yet the deliveries were signed with it.
      const [stored] = await db.rows<{ secret: string }>('SELECT secret FROM orders.webhook WHERE id = $1', [
        webhook.id,
      ]);
      // `v2:<key id>:...`: sealed, naming the key that sealed it (so a rotated key can still open it).
      expect(stored.secret).toMatch(/^v2:[\w-]+:/);
      expect(stored.secret).not.toContain(SECRET);
      await deactivate(webhook.id);
    },
  );

  it("delivers only the filtered customer's orders", async () => {
    const [, , mine, other] = buyers();
    const filtered = await register('/d-mine', BY_CUSTOMER, { customerId: mine.id });
    expect(filtered.filter).toEqual({ orderId: null, customerId: mine.id, channel: null });
    const everyone = await register('/d-all', BY_CUSTOMER);
    const mineId = await place(mine);
    const otherId = await place(other);
    // Both orders' events are fanned out in the same transactions for both webhooks: once the
    // unfiltered one has all four, the filtered one has had every chance to get the other's.
    const seen = (path: string) =>
      [...receiver.received(path)].sort(byEventId).map((r) => payloadOf(BY_CUSTOMER, r).orderStatusChanged);
    await eventually(
      async () => (seen('/d-all').length === 4 ? true : undefined),
      'four events at the unfiltered webhook',
    );
    await eventually(
      async () => (seen('/d-mine').length === 2 ? true : undefined),
      "two events of the customer's order",
    );
    expect(seen('/d-mine').map((p) => [p.order.id, p.order.customer?.id, p.to])).toEqual([
      [mineId, mine.id, 'PENDING'],
      [mineId, mine.id, 'ALLOCATED'],
    ]);
    expect(new Set(seen('/d-all').map((p) => p.order.id))).toEqual(new Set([mineId, otherId]));
    expect((await deliveries(filtered.id)).map((d) => d.order.id)).toEqual([mineId, mineId]);
    await Promise.all([deactivate(filtered.id), deactivate(everyone.id)]);
  });
});
