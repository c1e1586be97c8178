import { randomUUID } from 'node:crypto';
import { maskPii } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { gql, type GraphQLResponse } from '../support/graphql';
import { subscribeWs } from '../support/live';
import { metricValue } from '../support/metrics';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sqlClient } from '../support/sql';
import { eventually } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../webhooks/webhook-receiver';

const codes = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((e) => e.extensions?.code);

interface StatusEvent {
  orderStatusChanged: {
    eventId: string;
    to: string;
    order: { id: string; channel: { code: string }; customer: { name: string; email: string | null } | null };
  };
}
const EVENTS = `subscription Events($channel: String) {
  orderStatusChanged(channel: $channel) { eventId to order { id channel { code } customer { name email } } }
}`;
const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const SKU = 'SKU-0011';

/**
 * A Tmall partner end to end: an API client limited to the tmall channel,
 * without pii:read, sees and changes only Tmall data through every door
 * (lists, lookups, the 360 view, search, placement, a subscription, a webhook)
 * while staff sees everything.
 */
describeEachBackend('a channel-scoped partner', (backend) => {
  let platform: TestPlatform;
  let db: Awaited<ReturnType<typeof sqlClient>>;
  let receiver: WebhookReceiver;
  let partner: string;
  let partnerId: string;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, {
      customers: 40,
      orders: 120,
      env: {
        ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS: '50',
        ORDERS_WEBHOOK_TIMEOUT_MS: '3000',
        ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      },
    });
    db = await sqlClient(platform.databaseUrl);
    receiver = await startWebhookReceiver();
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000 WHERE sku = $1', [SKU]);
    // Created by staff (the suites' default caller), granted by the client-credentials grant.
    const created = await gql<
      { createApiClient: { client: { clientId: string }; clientSecret: string } },
      Record<string, unknown>
    >(
      platform.gatewayUrl,
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { clientId } } }',
      {
        input: {
          name: 'Tmall connector',
          scopes: ['orders:read', 'orders:write', 'customers:read', 'logistics:read', 'webhooks:manage'],
          channels: ['tmall'],
        },
      },
    );
    const { client, clientSecret } = created.data!.createApiClient;
    partnerId = client.clientId;
    const granted = await fetch(new URL('/oauth/token', platform.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: clientSecret,
      }).toString(),
    });
    partner = `Bearer ${((await granted.json()) as { access_token: string }).access_token}`;
  });
  afterAll(async () => {
    await receiver?.close();
    await db?.end();
    await platform?.close();
  });

  const asPartner = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T, Record<string, unknown>>(platform.gatewayUrl, query, variables, { authorization: partner });
  const asStaff = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T, Record<string, unknown>>(platform.gatewayUrl, query, variables);
  const count = async (sql: string, values: unknown[] = []) =>
    (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values))[0].n;

  it('lists and looks up only Tmall orders, whatever filter it asks for', async () => {
    const tmall = await count("orders.sales_order WHERE channel_code = 'tmall'");
    expect(tmall).toBeGreaterThan(0);
    const all = await asPartner<{ orders: { totalCount: number; edges: { node: { channel: { code: string } } }[] } }>(
      '{ orders(first: 100) { totalCount edges { node { channel { code } } } } }',
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.orders.totalCount).toBe(tmall);
    expect(new Set(all.data!.orders.edges.map((e) => e.node.channel.code))).toEqual(new Set(['tmall']));
    const jd = await asPartner<{ orders: { totalCount: number } }>(
      '{ orders(filter: { channel: "jd" }) { totalCount } }',
    );
    expect(jd.data!.orders.totalCount).toBe(0);

    const [other] = await db.rows<{ id: string }>(
      "SELECT id FROM orders.sales_order WHERE channel_code <> 'tmall' LIMIT 1",
    );
    const lookup = 'query($id: ID!) { order(id: $id) { id } }';
    expect(await asPartner(lookup, { id: other.id })).toEqual({ data: { order: null } });
    expect((await asStaff<{ order: { id: string } }>(lookup, { id: other.id })).data!.order).toEqual({ id: other.id });
    expect((await asPartner<{ channels: unknown }>('{ channels { code } }')).data!.channels).toEqual([
      { code: 'tmall' },
    ]);
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
    const view = await asPartner<{
      customer: {
        name: string;
        email: string | null;
        phone: string | null;
        orders: { totalCount: number; edges: { node: { channel: { code: string } } }[] };
        stats: { orderCount: number; channels: string[] };
      };
    }>(
      `query($id: ID!) { customer(id: $id) {
        name email phone
        orders(first: 50) { totalCount edges { node { channel { code } } } }
        stats { orderCount channels }
      } }`,
      { id: both.id },
    );
    expect(view.errors).toBeUndefined();
    const customer = view.data!.customer;
    expect(customer.orders.totalCount).toBe(both.tmall);
    expect(new Set(customer.orders.edges.map((e) => e.node.channel.code))).toEqual(new Set(['tmall']));
    expect(customer.stats).toEqual({ orderCount: both.tmall, channels: ['tmall'] });
    // Without pii:read: masked, never the value, never null where there is one.
    expect(customer.name).toBe(maskPii('name', real.name));
    expect(customer.name).not.toBe(real.name);
    expect(customer.email).toBe(real.email === null ? null : maskPii('email', real.email));
    expect(customer.phone).toBe(real.phone === null ? null : maskPii('phone', real.phone));

    const [stranger] = await db.rows<{ id: string }>(
      "SELECT c.id FROM customers.customer c WHERE NOT EXISTS (SELECT 1 FROM customers.channel_identity i WHERE i.customer_id = c.id AND i.channel = 'tmall') LIMIT 1",
    );
    expect(await asPartner('query($id: ID!) { customer(id: $id) { id } }', { id: stranger.id })).toEqual({
      data: { customer: null },
    });
    const search = await asPartner<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }');
    expect(search.data!.customers.totalCount).toBe(
      await count(
        "customers.customer c WHERE EXISTS (SELECT 1 FROM customers.channel_identity i WHERE i.customer_id = c.id AND i.channel = 'tmall')",
      ),
    );
  });

  it("shows in the 360 view only Tmall shipments, and reads another channel's shipment as null", async () => {
    // A Tmall buyer the partner sees, with seeded Tmall parcels (the seed writes each parcel's order channel).
    const [buyer] = await db.rows<{ id: string }>(
      `SELECT s.customer_id AS id FROM logistics.shipment s
       WHERE s.channel = 'tmall' AND EXISTS (SELECT 1 FROM customers.channel_identity i WHERE i.customer_id = s.customer_id AND i.channel = 'tmall')
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
        `INSERT INTO logistics.shipment (id, order_id, customer_id, warehouse_id, carrier_code, tracking_number, status, created_at, channel)
         VALUES ($1, $2, $3, $4, 'sf', $5, 'IN_TRANSIT', now(), $6)`,
        [parcel.id, randomUUID(), buyer.id, randomUUID(), parcel.tracking, channel],
      );
    }
    const tmall = await db.rows<{ id: string }>(
      "SELECT id FROM logistics.shipment WHERE customer_id = $1 AND channel = 'tmall' ORDER BY created_at DESC, id DESC",
      [buyer.id],
    );
    expect(tmall.length).toBeGreaterThan(0);
    expect(
      await count("logistics.shipment WHERE customer_id = $1 AND channel IS DISTINCT FROM 'tmall'", [buyer.id]),
    ).toBeGreaterThanOrEqual(2);

    const VIEW = 'query($id: ID!) { customer(id: $id) { shipments(first: 100) { id order { channel { code } } } } }';
    type View = { customer: { shipments: { id: string; order: { channel: { code: string } } | null }[] } };
    const mine = await asPartner<View>(VIEW, { id: buyer.id });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.customer.shipments.map((s) => s.id)).toEqual(tmall.map((s) => s.id));
    expect(new Set(mine.data!.customer.shipments.map((s) => s.order?.channel.code))).toEqual(new Set(['tmall']));
    const everything = (
      await asStaff<View>('query($id: ID!) { customer(id: $id) { shipments(first: 100) { id } } }', { id: buyer.id })
    ).data!.customer;
    expect(everything.shipments.map((s) => s.id)).toEqual(
      expect.arrayContaining([jd.id, legacy.id, ...tmall.map((s) => s.id)]),
    );

    const ONE =
      'query($id: ID!, $n: String!) { shipment(id: $id) { id } shipmentByTracking(carrier: "sf", trackingNumber: $n) { id } }';
    for (const parcel of [jd, legacy]) {
      expect(await asPartner(ONE, { id: parcel.id, n: parcel.tracking })).toEqual({
        data: { shipment: null, shipmentByTracking: null },
      });
      expect((await asStaff(ONE, { id: parcel.id, n: parcel.tracking })).data).toEqual({
        shipment: { id: parcel.id },
        shipmentByTracking: { id: parcel.id },
      });
    }
  });

  const input = (channel: string, buyer: string) => ({
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
    expect(codes(await asPartner(PLACE, { input: order }))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await asPartner('mutation($p: JSON!) { importChannelOrder(channel: "jd", payload: $p) { created } }', {
          p: { orderId: order.externalId },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await count('orders.sales_order WHERE external_id = $1', [order.externalId])).toBe(0);
    expect(await count('orders.intake_record WHERE external_id = $1', [order.externalId])).toBe(0);
    expect(await count('customers.customer WHERE email = $1', [order.buyer.email])).toBe(0);
  });

  it('gets only Tmall events on its subscription (even asking for jd) and its webhook, resolved with its own access', async () => {
    const registered = await asPartner<{ registerWebhook: { id: string } }>(
      'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }',
      { input: { url: receiver.url('/tmall'), secret: 'tmall-partner-secret-0123', query: EVENTS } },
    );
    expect(registered.errors).toBeUndefined();
    const forJd = {
      url: receiver.url('/jd'),
      secret: 'tmall-partner-secret-0123',
      query: EVENTS,
      variables: { channel: 'jd' },
    };
    expect(
      codes(
        await asPartner('mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', {
          input: forJd,
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    // Nobody else sees the partner's webhook, staff included.
    expect(
      (
        await asStaff<{ webhook: unknown }>('query($id: ID!) { webhook(id: $id) { id } }', {
          id: registered.data!.registerWebhook.id,
        })
      ).data!.webhook,
    ).toBeNull();

    const base = await metricValue(platform.gatewayUrl, 'supply_graph_subscribers');
    const mine = subscribeWs<StatusEvent>(platform.gatewayUrl, EVENTS, {}, { authorization: partner });
    const askedJd = subscribeWs<StatusEvent>(
      platform.gatewayUrl,
      EVENTS,
      { channel: 'jd' },
      { authorization: partner },
    );
    const staffJd = subscribeWs<StatusEvent>(platform.gatewayUrl, EVENTS, { channel: 'jd' });
    try {
      // Subscribing is asynchronous: the three are registered before anything happens.
      await eventually(
        async () => (await metricValue(platform.gatewayUrl, 'supply_graph_subscribers')) === base + 3 || undefined,
        'three subscribers',
      );
      const jdOrder = (
        await asStaff<{ placeOrder: { order: { id: string } } }>(PLACE, { input: input('jd', 'Zhao Lei') })
      ).data!.placeOrder.order.id;
      const tmallInput = input('tmall', 'Wang Fang');
      const tmallOrder = (await asStaff<{ placeOrder: { order: { id: string } } }>(PLACE, { input: tmallInput })).data!
        .placeOrder.order.id;

      // Staff's jd subscription proves the jd events went out; by then the partner's have been passed over.
      await eventually(
        async () => staffJd.results.some((r) => r.data?.orderStatusChanged.order.id === jdOrder),
        'the jd event at staff',
      );
      const seen = await eventually(async () => {
        const got = mine.results.filter((r) => r.data?.orderStatusChanged.order.id === tmallOrder);
        return got.length ? got : undefined;
      }, 'the tmall event at the partner');
      expect(seen[0].data!.orderStatusChanged.order.customer).toEqual({
        name: maskPii('name', 'Wang Fang'),
        email: maskPii('email', tmallInput.buyer.email),
      });
      expect(mine.results.every((r) => r.data?.orderStatusChanged.order.channel.code === 'tmall')).toBe(true);
      expect(askedJd.results).toEqual([]);

      const payloads = await eventually(async () => {
        const got = receiver.received('/tmall').map((r) => JSON.parse(r.body) as { data: StatusEvent });
        return got.some((p) => p.data.orderStatusChanged.order.id === tmallOrder) ? got : undefined;
      }, 'the tmall event at the webhook');
      expect(payloads.every((p) => p.data.orderStatusChanged.order.channel.code === 'tmall')).toBe(true);
      const tmallPayload = payloads.find((p) => p.data.orderStatusChanged.order.id === tmallOrder)!;
      expect(tmallPayload.data.orderStatusChanged.order.customer).toEqual({
        name: maskPii('name', 'Wang Fang'),
        email: maskPii('email', tmallInput.buyer.email),
      });
      // The webhook got no delivery at all for the jd order.
      expect(
        await count('orders.webhook_delivery WHERE webhook_id = $1 AND order_id = $2', [
          registered.data!.registerWebhook.id,
          jdOrder,
        ]),
      ).toBe(0);
    } finally {
      await Promise.all([mine.stop(), askedJd.stop(), staffJd.stop()]);
    }
  });
  it("leaves the audit trail of all of it: the client created by staff, each of the partner's changes allowed or refused", async () => {
    type Entry = { actor: string; action: string; outcome: string; channel: string | null };
    const trail = async (actor: string) =>
      (
        await asStaff<{ auditEvents: { edges: { node: Entry }[] } }>(
          'query($actor: String) { auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor action outcome channel } } } }',
          { actor },
        )
      ).data!.auditEvents.edges.map((e) => e.node);
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
