import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { maskPii } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { print } from 'graphql';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { useChannelPartner } from '../support/channel-partner';
import { PLACE_ORDER } from '../support/documents';
import type { GraphQLResponse } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { eventually } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const EVENTS = graphql(`
  subscription PartnerEvents($channel: String) {
    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }
  }
`);
const IMPORT_JD = graphql(`
  mutation PartnerImportJd($p: JSON!) { importChannelOrder(channel: "jd", payload: $p) { created } }
`);
const REGISTER = graphql(`
  mutation PartnerRegisterWebhook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }
`);
const WEBHOOK = graphql(`query PartnerWebhook($id: ID!) { webhook(id: $id) { id } }`);
const TRAIL = graphql(`
  query PartnerTrail($actor: String) {
    auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } }
  }
`);

const codes = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((e) => e.extensions?.code);
const SKU = 'SKU-0011';

/**
 * A Tmall partner changing things (see channel-partner-reads for what it
 * reads): an API client limited to the tmall channel, without pii:read,
 * places, imports and is notified (a subscription, a webhook) only on Tmall,
 * and every attempt is in the audit trail.
 */
describePlatformSuite('a channel-scoped partner writing', (backend) => {
  const { platform, db, ask, partner, partnerId, count } = useChannelPartner(backend);
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = $1', [SKU]);
  });
  afterAll(() => receiver?.close());

  const input = (channel: string, buyer: string): PlaceOrderInput => ({
    channel,
    externalId: `CP-${randomUUID().slice(0, 8)}`,
    buyer: { name: buyer, email: `${buyer.toLowerCase().replace(' ', '.')}.${randomUUID().slice(0, 6)}@example.com` },
    currency: 'CNY',
    lines: [{ sku: SKU, quantity: 1, unitPrice: '19.90' }],
    shippingAddress: {
      name: buyer,
      country: 'CN',
      province: 'Zhejiang',
      city: 'Hangzhou',
      line1: `No. ${randomUUID().slice(0, 4)} Wensan Road`,
    },
  });

  it('is refused placing or importing into another channel, and nothing is stored', async () => {
    const order = input('jd', 'Zhao Lei');
    expect(codes(await ask(PLACE_ORDER, { input: order }, partner))).toEqual(['FORBIDDEN']);
    expect(codes(await ask(IMPORT_JD, { p: { orderId: order.externalId } }, partner))).toEqual(['FORBIDDEN']);
    expect(await count('orders.sales_order WHERE external_id = $1', [order.externalId])).toBe(0);
    expect(await count('orders.intake_record WHERE external_id = $1', [order.externalId])).toBe(0);
    expect(await count('customers.customer WHERE email = $1', [order.buyer.email])).toBe(0);
  });

  it('gets only Tmall events on its subscription (even asking for jd) and webhook, with its own access', async () => {
    const hook = { secret: 'tmall-partner-secret-0123', query: print(EVENTS) };
    const registered = await ask(REGISTER, { input: { ...hook, url: receiver.url('/tmall') } }, partner);
    expect(registered.errors).toBeUndefined();
    const webhookId = registered.data!.registerWebhook.id;
    const forJd = { ...hook, url: receiver.url('/jd'), variables: { channel: 'jd' } };
    expect(codes(await ask(REGISTER, { input: forJd }, partner))).toEqual(['FORBIDDEN']);
    // Nobody else sees the partner's webhook, staff included.
    expect((await ask(WEBHOOK, { id: webhookId })).data!.webhook).toBeNull();

    const base = await metricValue(platform.gatewayUrl, 'supply_graph_subscribers');
    const mine = subscribeWs(platform.gatewayUrl, EVENTS, {}, partner);
    const askedJd = subscribeWs(platform.gatewayUrl, EVENTS, { channel: 'jd' }, partner);
    const staffJd = subscribeWs(platform.gatewayUrl, EVENTS, { channel: 'jd' });
    try {
      // Subscribing is asynchronous: the three are registered before anything happens.
      await eventually(
        async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) === base + 3 || undefined,
        'three subscribers',
      );
      const jdOrder = (await ask(PLACE_ORDER, { input: input('jd', 'Zhao Lei') })).data!.placeOrder.order!.id;
      const tmallInput = input('tmall', 'Wang Fang');
      const tmallOrder = (await ask(PLACE_ORDER, { input: tmallInput })).data!.placeOrder.order!.id;
      const masked = { name: maskPii('name', 'Wang Fang'), email: maskPii('email', tmallInput.buyer.email!) };

      // Staff's jd subscription proves the jd events went out; by then the partner's have been passed over.
      await eventually(
        async () => staffJd.results.some((r) => r.data?.orderStatusChanged.order.id === jdOrder),
        'the jd event at staff',
      );
      const seen = await eventually(async () => {
        const got = mine.results.filter((r) => r.data?.orderStatusChanged.order.id === tmallOrder);
        return got.length ? got : undefined;
      }, 'the tmall event at the partner');
      expect(seen[0].data!.orderStatusChanged.order.customer).toEqual(masked);
      expect(mine.results.every((r) => r.data?.orderStatusChanged.order.channel.code === 'tmall')).toBe(true);
      expect(askedJd.results).toEqual([]);

      const payloads = await eventually(async () => {
        const got = receiver
          .received('/tmall')
          .map((r) => (JSON.parse(r.body) as { data: ResultOf<typeof EVENTS> }).data.orderStatusChanged);
        return got.some((p) => p.order.id === tmallOrder) ? got : undefined;
      }, 'the tmall event at the webhook');
      expect(payloads.every((p) => p.order.channel.code === 'tmall')).toBe(true);
      expect(payloads.find((p) => p.order.id === tmallOrder)!.order.customer).toEqual(masked);
      // The webhook got no delivery at all for the jd order.
      expect(await count('orders.webhook_delivery WHERE webhook_id = $1 AND order_id = $2', [webhookId, jdOrder])).toBe(
        0,
      );
    } finally {
      await Promise.all([mine.stop(), askedJd.stop(), staffJd.stop()]);
    }
  });

  it("leaves the audit trail of it all: the client created by staff, each of the partner's changes", async () => {
    const trail = async (actor: string) => (await ask(TRAIL, { actor })).data!.auditEvents.edges.map((e) => e.node);
    const partnerTrail = await eventually(async () => {
      const entries = await trail(partnerId());
      return entries.filter((e) => e.outcome === 'FORBIDDEN').length >= 3 && entries.some((e) => e.outcome === 'ok')
        ? entries
        : undefined;
    }, "the partner's entries");
    const seen = partnerTrail.map((e) => `${e.action} ${e.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'placeOrder FORBIDDEN',
        'importChannelOrder FORBIDDEN',
        'registerWebhook FORBIDDEN',
        'registerWebhook ok',
      ]),
    );
    expect(partnerTrail.find((e) => e.action === 'placeOrder')!.channel).toBe('jd');
    expect((await trail('e2e-staff')).map((e) => `${e.action} ${e.outcome}`)).toContain('createApiClient ok');
  });
});
