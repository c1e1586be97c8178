import { randomUUID } from 'node:crypto';
import { maskPii } from '@supply-graph/shared';
import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { PlaceOrderInput } from '../generated/suites/graphql';
import { apiClientAuthorization } from '../support/api-clients';
import { PLACE_ORDER } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const VALUE = graphql(`
  query DeskCustomerValue($id: ID!) {
    customer(id: $id) {
      id name email guest
      identities { channel externalId }
      value {
        tier recency frequency monetary { amount currency } rScore fScore mScore score
        channelMix { channel orders share } firstOrderAt lastOrderAt
      }
    }
  }
`);
const BY_TIER = graphql(`
  query DeskCustomersByTier($tier: CustomerTier, $search: String) {
    customers(tier: $tier, search: $search, first: 5) { totalCount edges { node { id value { tier } } } }
  }
`);
const IMPORT = graphql(`
  mutation DeskImport($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }
  }
`);
const FLAGS = graphql(`
  query DeskIntakeFlags($since: DateTime) { intakeQuality(since: $since) { channel accepted flagsByCode { flag count } } }
`);

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const json = (file: string) => JSON.parse(channelFixture(file));

/** Each channel format's sample under a new order number; `anonymous`: every buyer id, email and phone deleted. */
const PAYLOADS: Record<string, (anonymous: boolean) => unknown> = {
  shopify: (anonymous) => {
    const o = json('shopify-order.json');
    o.id = Number(unique().slice(0, 15));
    if (anonymous) {
      delete o.email;
      delete o.customer;
      delete o.shipping_address.phone;
    }
    return o;
  },
  amazon: (anonymous) => {
    const o = json('amazon-order.json');
    o.AmazonOrderId = `114-${unique()}`;
    if (anonymous) {
      delete o.BuyerInfo.BuyerEmail;
      delete o.ShippingAddress.Phone;
    }
    return o;
  },
  tmall: (anonymous) => {
    const o = json('tmall-trade.json');
    o.trade.tid = unique();
    if (anonymous) {
      delete o.trade.buyer_open_uid;
      delete o.trade.receiver_mobile;
    }
    return o;
  },
  jd: (anonymous) => {
    const o = json('jd-order.json');
    o.orderId = unique();
    if (anonymous) delete o.pin;
    return o;
  },
  douyin: (anonymous) => {
    const o = json('douyin-order.json');
    o.shop_order_detail.order_id = unique();
    if (anonymous) delete o.shop_order_detail.doudian_open_id;
    return o;
  },
  pos: (anonymous) => {
    const receipt = `R-${unique()}`;
    const csv = channelFixture('pos-receipt.csv').replaceAll('R20261123-000417', receipt);
    return anonymous ? csv.replaceAll(',13911112222,陈思远,', ',,,') : csv;
  },
};

describePlatformSuite('customer value tiers and orders without a buyer identity', (backend) => {
  const { db, ask, platform } = usePlatform(backend, { customers: 30, orders: 60 });

  const webOrder = (email: string, unitPrice: string, channel = 'webstore'): PlaceOrderInput => ({
    channel,
    externalId: `DESK-${randomUUID()}`,
    buyer: { name: 'Qian Mo', email },
    currency: 'CNY',
    lines: [{ sku: 'SKU-0007', quantity: 1, unitPrice }],
    shippingAddress: { name: 'Qian Mo', country: 'CN', city: 'Shanghai', line1: `Lane ${randomUUID()}` },
  });
  const place = async (input: PlaceOrderInput) => {
    const answer = await ask(PLACE_ORDER, { input });
    expect(answer.errors).toBeUndefined();
    return answer.data!.placeOrder.order!.id;
  };
  const customerOf = (orderId: string) =>
    eventually(async () => {
      const [row] = await db.rows<{ customer_id: string | null }>(
        'SELECT customer_id FROM orders.sales_order WHERE id = $1',
        [orderId],
      );
      return row?.customer_id ?? undefined;
    }, `the customer of order ${orderId}`);
  const customerView = async (id: string, headers?: Record<string, string>) => {
    const answer = await ask(VALUE, { id }, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!.customer!;
  };

  it("holds the seeded customers' value: their orders, cancelled ones left out", async () => {
    const fromOrders = await db.rows<{ id: string; orders: number; mix: Record<string, number> }>(
      `SELECT customer_id AS id, count(*)::int AS orders, jsonb_object_agg(channel_code, n) AS mix
         FROM (SELECT customer_id, channel_code, count(*) OVER (PARTITION BY customer_id, channel_code)::int AS n
                 FROM orders.sales_order WHERE status <> 'CANCELLED') o
        GROUP BY customer_id ORDER BY customer_id`,
    );
    const stored = await db.rows<{ id: string; orders: number; mix: Record<string, number> }>(
      `SELECT customer_id AS id, orders, channel_orders AS mix FROM customers.customer_value
        WHERE orders > 0 ORDER BY customer_id`,
    );
    expect(fromOrders.length).toBeGreaterThan(5);
    expect(stored).toEqual(fromOrders);
    const [someone] = stored;
    expect((await customerView(someone.id)).value).toMatchObject({
      frequency: someone.orders,
      tier: expect.any(String),
    });
  });

  it("moves a customer's tier as their orders arrive, lists them by tier, and keeps other channels' figures and PII from a partner", async () => {
    const email = `qian.${randomUUID().slice(0, 8)}@example.com`;
    const customerId = await customerOf(await place(webOrder(email, '600.00')));
    const first = await eventually(async () => {
      const customer = await customerView(customerId);
      return customer.value?.frequency === 1 && customer;
    }, 'the first order counted');
    expect(first.guest).toBe(false);
    expect(first.value).toMatchObject({
      tier: 'NEW',
      recency: 0,
      monetary: { amount: '600.00', currency: 'CNY' },
      rScore: 5,
      fScore: 1,
      mScore: 2,
      score: 8,
      channelMix: [{ channel: 'webstore', orders: 1, share: 1 }],
    });

    // Two more, one through another channel (the same buyer by email): three orders, 2200.00 CNY.
    await place(webOrder(email, '1500.00', 'shopify'));
    await place(webOrder(email, '100.00'));
    const later = await eventually(async () => {
      const customer = await customerView(customerId);
      return customer.value?.frequency === 3 && customer;
    }, 'three orders counted');
    expect(later.value).toMatchObject({
      tier: 'LOYAL',
      monetary: { amount: '2200.00', currency: 'CNY' },
      fScore: 3,
      mScore: 3,
      channelMix: [
        { channel: 'webstore', orders: 2, share: 2 / 3 },
        { channel: 'shopify', orders: 1, share: 1 / 3 },
      ],
    });
    expect(new Date(later.value!.lastOrderAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(later.value!.firstOrderAt!).getTime(),
    );

    const loyal = (await ask(BY_TIER, { tier: 'LOYAL', search: email })).data!.customers;
    expect(loyal.edges.map((e) => e.node)).toEqual([{ id: customerId, value: { tier: 'LOYAL' } }]);
    expect((await ask(BY_TIER, { tier: 'NEW', search: email })).data!.customers.totalCount).toBe(0);
    // Every listed customer is of the tier asked for (the seeded ones too).
    const seeded = (await ask(BY_TIER, { tier: 'LOYAL' })).data!.customers;
    expect(seeded.edges.every((e) => e.node.value?.tier === 'LOYAL')).toBe(true);

    // A web store partner without pii:read: the tier and its own channel's count, PII masked.
    const { authorization } = await apiClientAuthorization(platform.gatewayUrl, {
      name: 'Web store desk',
      scopes: ['customers:read'],
      channels: ['webstore'],
    });
    const seen = await customerView(customerId, { authorization });
    expect(seen.name).toBe(maskPii('name', 'Qian Mo'));
    expect(seen.email).toBe(maskPii('email', email));
    expect(seen.value).toEqual({
      tier: 'LOYAL',
      recency: null,
      frequency: null,
      monetary: null,
      rScore: null,
      fScore: null,
      mScore: null,
      score: null,
      channelMix: [{ channel: 'webstore', orders: 2, share: null }],
      firstOrderAt: null,
      lastOrderAt: null,
    });
  });

  it('accepts an order without buyer identity in every channel format onto its guest, flagged, never merged', async () => {
    const since = new Date().toISOString();
    const anonymousWeb: PlaceOrderInput = { ...webOrder('x@example.com', '59.50'), buyer: { name: 'Qian Mo' } };
    const guests = new Map<string, string>();
    guests.set('webstore', await customerOf(await place(anonymousWeb)));
    for (const [channel, payload] of Object.entries(PAYLOADS)) {
      const answer = await ask(IMPORT, { channel, payload: payload(true) });
      expect(answer.errors).toBeUndefined();
      guests.set(channel, await customerOf(answer.data!.importChannelOrder.order!.id));
    }
    for (const [channel, id] of guests) {
      const guest = await customerView(id);
      const identity = channel === 'pos' ? 'walk-in:SH-JINGAN-01' : `guest:${channel}`;
      expect({ channel, guest: guest.guest, email: guest.email, value: guest.value }).toEqual({
        channel,
        guest: true,
        email: null,
        value: null,
      });
      expect(guest.identities).toEqual([{ channel, externalId: identity }]);
    }
    expect(new Set(guests.values()).size).toBe(guests.size);

    const flagged = (await ask(FLAGS, { since })).data!.intakeQuality.filter((row) => guests.has(row.channel));
    expect(flagged.map((row) => [row.channel, row.flagsByCode])).toEqual(
      [...guests.keys()].sort().map((channel) => [channel, [{ flag: 'BUYER_ANONYMOUS', count: 1 }]]),
    );

    // The same channels' real buyers (with an email, a buyer id or a member phone) are customers of their own.
    const real = [await customerOf(await place(webOrder(`real.${randomUUID().slice(0, 8)}@example.com`, '59.50')))];
    for (const [channel, payload] of Object.entries(PAYLOADS)) {
      const answer = await ask(IMPORT, { channel, payload: payload(false) });
      expect(answer.errors).toBeUndefined();
      real.push(await customerOf(answer.data!.importChannelOrder.order!.id));
    }
    for (const id of real) {
      expect([...guests.values()]).not.toContain(id);
      expect((await customerView(id)).guest).toBe(false);
    }
  });
});
