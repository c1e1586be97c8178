import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { maskPii } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { apiClientAuthorization } from '../support/api-clients';
import { PLACE_ORDER } from '../support/documents';
import type { GraphQLResponse } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../webhooks/webhook-receiver';

const EVENTS = graphql(`
  subscription PartnerEvents($channel: String) {
    orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }
  }
`);
const ORDERS = graphql(`query PartnerOrders { orders(first: 100) { totalCount edges { node { channel { code } } } } }`);
const JD_ORDERS = graphql(`query PartnerJdOrders { orders(filter: { channel: "jd" }) { totalCount } }`);
const ORDER = graphql(`query PartnerOrder($id: ID!) { order(id: $id) { id } }`);
const CHANNELS = graphql(`query PartnerChannels { channels { code } }`);
const VIEW = graphql(`
  query PartnerCustomerView($id: ID!) {
    customer(id: $id) {
      name email phone
      orders(first: 50) { totalCount edges { node { channel { code } } } }
      stats { orderCount channels }
    }
  }
`);
const CUSTOMER = graphql(`query PartnerCustomer($id: ID!) { customer(id: $id) { id } }`);
const CUSTOMER_COUNT = graphql(`query PartnerCustomerCount { customers(first: 1) { totalCount } }`);
const SHIPMENTS = graphql(`
  query PartnerShipments($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }
`);
const SHIPMENT_IDS = graphql(
  `query PartnerShipmentIds($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }`,
);
const PARCEL = graphql(`
  query PartnerParcel($id: ID!, $n: String!) {
    shipment(id: $id) { id }
    shipmentByTracking(carrier: "sf", trackingNumber: $n) { id }
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
/** Customers known on the Tmall channel. */
const TMALL_BUYER = `EXISTS (SELECT 1 FROM customers.channel_identity i
  WHERE i.customer_id = c.id AND i.channel = 'tmall')`;

/**
 * A Tmall partner end to end: an API client limited to the tmall channel,
 * without pii:read, sees and changes only Tmall data through every door
 * (lists, lookups, the 360 view, search, placement, a subscription, a webhook)
 * while staff sees everything.
 */
describeEachBackend('a channel-scoped partner', (backend) => {
  const { platform, db, ask } = usePlatform(backend, {
    customers: 40,
    orders: 120,
    env: {
      ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      ORDERS_WEBHOOK_TIMEOUT_MS: '3000',
      ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
  });
  let receiver: WebhookReceiver;
  let partner: { authorization: string };
  let partnerId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = $1', [SKU]);
    // Created by staff (the suites' default caller), granted by the client-credentials grant.
    const { clientId, authorization } = await apiClientAuthorization(platform.gatewayUrl, {
      name: 'Tmall connector',
      scopes: ['orders:read', 'orders:write', 'customers:read', 'logistics:read', 'webhooks:manage'],
      channels: ['tmall'],
    });
    partnerId = clientId;
    partner = { authorization };
  });
  afterAll(() => receiver?.close());

  const count = async (sql: string, values: unknown[] = []) =>
    (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values))[0].n;

  it('lists and looks up only Tmall orders, whatever filter it asks for', async () => {
    const tmall = await count("orders.sales_order WHERE channel_code = 'tmall'");
    expect(tmall).toBeGreaterThan(0);
    const all = await ask(ORDERS, {}, partner);
    expect(all.errors).toBeUndefined();
    expect(all.data!.orders.totalCount).toBe(tmall);
    expect(new Set(all.data!.orders.edges.map((e) => e.node.channel.code))).toEqual(new Set(['tmall']));
    expect((await ask(JD_ORDERS, {}, partner)).data!.orders.totalCount).toBe(0);

    const [other] = await db.rows<{ id: string }>(
      "SELECT id FROM orders.sales_order WHERE channel_code <> 'tmall' LIMIT 1",
    );
    expect(await ask(ORDER, { id: other.id }, partner)).toEqual({ data: { order: null } });
    expect((await ask(ORDER, { id: other.id })).data!.order).toEqual({ id: other.id });
    expect((await ask(CHANNELS, {}, partner)).data!.channels).toEqual([{ code: 'tmall' }]);
  });

  it('sees in the 360 view only Tmall orders and figures, PII masked, and finds only Tmall buyers', async () => {
    const [both] = await db.rows<{ id: string; tmall: number }>(
      `SELECT customer_id AS id, count(*) FILTER (WHERE channel_code = 'tmall')::int AS tmall FROM orders.sales_order
       GROUP BY customer_id HAVING bool_or(channel_code = 'tmall') AND bool_or(channel_code <> 'tmall') LIMIT 1`,
    );
    expect(both).toBeDefined();
    const [real] = await db.rows<{ name: string; email: string | null; phone: string | null }>(
      'SELECT name, email, phone FROM customers.customer WHERE id = $1',
      [both.id],
    );
    const view = await ask(VIEW, { id: both.id }, partner);
    expect(view.errors).toBeUndefined();
    const customer = view.data!.customer!;
    expect(customer.orders!.totalCount).toBe(both.tmall);
    expect(new Set(customer.orders!.edges.map((e) => e.node.channel.code))).toEqual(new Set(['tmall']));
    expect(customer.stats).toEqual({ orderCount: both.tmall, channels: ['tmall'] });
    // Without pii:read: masked, never the value, never null where there is one.
    expect(customer.name).toBe(maskPii('name', real.name));
    expect(customer.name).not.toBe(real.name);
    expect(customer.email).toBe(real.email === null ? null : maskPii('email', real.email));
    expect(customer.phone).toBe(real.phone === null ? null : maskPii('phone', real.phone));

    const [stranger] = await db.rows<{ id: string }>(
      `SELECT c.id FROM customers.customer c WHERE NOT ${TMALL_BUYER} LIMIT 1`,
    );
    expect(await ask(CUSTOMER, { id: stranger.id }, partner)).toEqual({ data: { customer: null } });
    const search = await ask(CUSTOMER_COUNT, {}, partner);
    expect(search.data!.customers.totalCount).toBe(await count(`customers.customer c WHERE ${TMALL_BUYER}`));
  });

  it("shows in the 360 view only Tmall shipments, and reads another channel's shipment as null", async () => {
    // A Tmall buyer the partner sees, with seeded Tmall parcels (the seed writes each parcel's order channel).
    const [buyer] = await db.rows<{ id: string }>(
      `SELECT s.customer_id AS id FROM logistics.shipment s
       WHERE s.channel = 'tmall' AND EXISTS (
         SELECT 1 FROM customers.channel_identity i WHERE i.customer_id = s.customer_id AND i.channel = 'tmall')
       GROUP BY s.customer_id ORDER BY count(*) DESC, s.customer_id LIMIT 1`,
    );
    expect(buyer).toBeDefined();
    // Her newest parcels, whatever the seed drew: one of jd and one planned before shipments had a channel.
    const jd = { id: randomUUID(), tracking: `SF${Date.now()}1` };
    const legacy = { id: randomUUID(), tracking: `SF${Date.now()}2` };
    for (const [parcel, channel] of [
      [jd, 'jd'],
      [legacy, null],
    ] as const) {
      await db.query(
        `INSERT INTO logistics.shipment
           (id, order_id, customer_id, warehouse_id, carrier_code, tracking_number, status, created_at, channel)
         VALUES ($1, $2, $3, $4, 'sf', $5, 'IN_TRANSIT', now(), $6)`,
        [parcel.id, randomUUID(), buyer.id, randomUUID(), parcel.tracking, channel],
      );
    }
    const tmall = await db.rows<{ id: string }>(
      `SELECT id FROM logistics.shipment WHERE customer_id = $1 AND channel = 'tmall'
       ORDER BY created_at DESC, id DESC`,
      [buyer.id],
    );
    expect(tmall.length).toBeGreaterThan(0);
    expect(
      await count("logistics.shipment WHERE customer_id = $1 AND channel IS DISTINCT FROM 'tmall'", [buyer.id]),
    ).toBeGreaterThanOrEqual(2);

    const mine = await ask(SHIPMENTS, { id: buyer.id }, partner);
    expect(mine.errors).toBeUndefined();
    const shipments = mine.data!.customer!.shipments!;
    expect(shipments.map((s) => s.id)).toEqual(tmall.map((s) => s.id));
    expect(new Set(shipments.map((s) => s.order?.channel.code))).toEqual(new Set(['tmall']));
    const everything = (await ask(SHIPMENT_IDS, { id: buyer.id })).data!.customer!.shipments!;
    expect(everything.map((s) => s.id)).toEqual(expect.arrayContaining([jd.id, legacy.id, ...tmall.map((s) => s.id)]));

    for (const parcel of [jd, legacy]) {
      expect(await ask(PARCEL, { id: parcel.id, n: parcel.tracking }, partner)).toEqual({
        data: { shipment: null, shipmentByTracking: null },
      });
      expect((await ask(PARCEL, { id: parcel.id, n: parcel.tracking })).data).toEqual({
        shipment: { id: parcel.id },
        shipmentByTracking: { id: parcel.id },
      });
    }
  });

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
      const entries = await trail(partnerId);
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
