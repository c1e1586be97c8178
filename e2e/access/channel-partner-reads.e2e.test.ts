import { randomUUID } from 'node:crypto';
import { maskPii } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { useChannelPartner } from '../support/channel-partner';

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

/** Customers known on the Tmall channel. */
const TMALL_BUYER = `EXISTS (SELECT 1 FROM customers.channel_identity i
  WHERE i.customer_id = c.id AND i.channel = 'tmall')`;

/**
 * A Tmall partner reading (see channel-partner-writes for its changes): an
 * API client limited to the tmall channel, without pii:read, sees only Tmall
 * data through every door (lists, lookups, the 360 view, search) while staff
 * sees everything.
 */
describePlatformSuite('a channel-scoped partner reading', (backend) => {
  const { db, ask, partner, count } = useChannelPartner(backend);

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
});
