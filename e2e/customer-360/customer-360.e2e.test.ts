import { describePlatformSuite } from '../support/backends';
import { Customer360Document, type Customer360Query } from '../generated/graphql';
import { iso } from '../support/sql';
import { usePlatform } from '../support/use-platform';

type Customer = NonNullable<Customer360Query['customer']>;

describePlatformSuite('the 360 customer view through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 300, orders: 1500 });
  let customerId: string;
  let customer: Customer;

  beforeAll(async () => {
    // The busiest buyer among those known on three channels.
    [{ id: customerId }] = await db.rows<{ id: string }>(`
      SELECT i.customer_id AS id FROM customers.channel_identity i
      GROUP BY i.customer_id HAVING count(*) = 3
      ORDER BY (SELECT count(*) FROM orders.sales_order o WHERE o.customer_id = i.customer_id) DESC, i.customer_id
      LIMIT 1`);
    const result = await ask(Customer360Document, { id: customerId, orders: 10 });
    expect(result.errors).toBeUndefined();
    customer = result.data!.customer!;
  });

  it('returns the profile and the identities on three channels', async () => {
    const [row] = await db.rows<{ name: string; email: string | null; phone: string | null; created_at: Date }>(
      'SELECT name, email, phone, created_at FROM customers.customer WHERE id = $1',
      [customerId],
    );
    expect(customer).toMatchObject({
      id: customerId,
      name: row.name,
      email: row.email,
      phone: row.phone,
      createdAt: iso(row.created_at),
    });
    const identities = await db.rows<{ channel: string; external_id: string }>(
      'SELECT channel, external_id FROM customers.channel_identity WHERE customer_id = $1 ORDER BY created_at, id',
      [customerId],
    );
    expect(identities).toHaveLength(3);
    expect(customer.identities).toEqual(identities.map((i) => ({ channel: i.channel, externalId: i.external_id })));
  });

  it('returns the 10 latest orders with their lines and products', async () => {
    const orders = await db.rows<{
      id: string;
      external_id: string;
      status: string;
      version: number;
      placed_at: Date;
      total: string;
      channel_code: string;
      currency: string;
    }>(
      `SELECT id, external_id, status, version, placed_at, total::text, channel_code, currency
       FROM orders.sales_order WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC`,
      [customerId],
    );
    expect(orders.length).toBeGreaterThan(10);
    expect(customer.orders!.totalCount).toBe(orders.length);
    expect(customer.orders!.pageInfo.hasNextPage).toBe(true);
    const nodes = customer.orders!.edges.map((e) => e.node);
    expect(nodes.map((o) => o.id)).toEqual(orders.slice(0, 10).map((o) => o.id));
    for (const [i, node] of nodes.entries()) {
      const row = orders[i];
      expect(node).toMatchObject({
        externalId: row.external_id,
        status: row.status,
        version: row.version,
        placedAt: iso(row.placed_at),
        total: { amount: row.total, currency: row.currency },
        channel: { code: row.channel_code },
      });
      const lines = await db.rows<{
        sku: string;
        quantity: number;
        unit_price: string;
        name: string;
        available: number;
      }>(
        `SELECT l.sku, l.quantity, l.unit_price::text, p.name,
                (SELECT coalesce(sum(greatest(0, s.on_hand - s.reserved - s.safety_stock)), 0)::int
                   FROM inventory.stock_level s WHERE s.sku = l.sku) AS available
         FROM orders.order_line l JOIN inventory.product p ON p.sku = l.sku
         WHERE l.order_id = $1 ORDER BY l.line_no`,
        [row.id],
      );
      expect(node.lines).toEqual(
        lines.map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: { amount: l.unit_price, currency: row.currency },
          product: { sku: l.sku, name: l.name, available: l.available },
        })),
      );
    }
  });

  it('returns allocations with warehouse names and shipments with tracking events', async () => {
    const nodes = customer.orders!.edges.map((e) => e.node);
    let allocations = 0;
    let events = 0;
    for (const node of nodes) {
      const expected = await db.rows<{ sku: string; quantity: number; code: string; name: string }>(
        `SELECT a.sku, a.quantity, w.code, w.name FROM inventory.allocation a
         JOIN inventory.warehouse w ON w.id = a.warehouse_id
         WHERE a.order_id = $1 AND a.released_at IS NULL`,
        [node.id],
      );
      const key = (a: { sku: string; code: string }) => `${a.sku}@${a.code}`;
      expect(
        node
          .allocations!.map((a) => ({
            sku: a.sku,
            quantity: a.quantity,
            code: a.warehouse.code,
            name: a.warehouse.name,
          }))
          .sort((a, b) => key(a).localeCompare(key(b))),
      ).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
      allocations += expected.length;
      const shipments = await db.rows<{ id: string; tracking_number: string; status: string; carrier_code: string }>(
        `SELECT id, tracking_number, status, carrier_code FROM logistics.shipment
         WHERE order_id = $1 ORDER BY created_at, id`,
        [node.id],
      );
      expect(node.shipments!.map((s) => s.id)).toEqual(shipments.map((s) => s.id));
      for (const [i, shipment] of node.shipments!.entries()) {
        expect(shipment).toMatchObject({
          trackingNumber: shipments[i].tracking_number,
          status: shipments[i].status,
          carrier: { code: shipments[i].carrier_code },
        });
        const trail = await db.rows<{ at: Date; status: string; location: string | null; description: string | null }>(
          `SELECT at, status, location, description FROM logistics.tracking_event
           WHERE shipment_id = $1 ORDER BY at, id`,
          [shipment.id],
        );
        expect(shipment.events).toEqual(
          trail.map((e) => ({ at: iso(e.at), status: e.status, location: e.location, description: e.description })),
        );
        events += trail.length;
      }
    }
    // The busiest customer's ten latest orders include fulfilled ones: the check above compared real rows.
    expect(allocations).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(0);
  });

  it('returns stats equal to SQL over the order tables', async () => {
    const [expected] = await db.rows<{
      order_count: number;
      ltv: string;
      aov: string;
      first_at: Date;
      last_at: Date;
      channels: string[];
    }>(
      `SELECT count(*)::int AS order_count,
              coalesce(sum(total) FILTER (WHERE status NOT IN ('CANCELLED', 'RETURNED')), 0)::numeric(14,2)::text
                AS ltv,
              coalesce(round(avg(total) FILTER (WHERE status NOT IN ('CANCELLED', 'RETURNED')), 2), 0)
                ::numeric(14,2)::text AS aov,
              min(placed_at) AS first_at, max(placed_at) AS last_at,
              array_agg(DISTINCT channel_code ORDER BY channel_code) AS channels
       FROM orders.sales_order WHERE customer_id = $1`,
      [customerId],
    );
    expect(customer.stats).toEqual({
      orderCount: expected.order_count,
      lifetimeValue: { amount: expected.ltv, currency: 'CNY' },
      averageOrderValue: { amount: expected.aov, currency: 'CNY' },
      firstOrderAt: iso(expected.first_at),
      lastOrderAt: iso(expected.last_at),
      channels: expected.channels,
    });
  });

  it("lists the customer's latest shipments across orders", async () => {
    const expected = await db.rows<{ id: string }>(
      'SELECT id FROM logistics.shipment WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 5',
      [customerId],
    );
    expect(customer.shipments!.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  });
});
