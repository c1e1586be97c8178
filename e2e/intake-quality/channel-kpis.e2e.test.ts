import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { expectOneError } from '../support/expect-error';
import { gql } from '../support/graphql';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { iso, sqlClient } from '../support/sql';
import { eventually } from '../support/wait';

const KPIS = `query Kpis($from: DateTime!, $to: DateTime!, $channel: String) {
  channelKpis(from: $from, to: $to, channel: $channel) {
    channel { code } day orders revenue { amount currency } revenueByCurrency { amount currency }
    shippedOrders processingHoursP50 processingHoursP90 fillRate deliveredOrders onTimeDeliveryRate
  }
}`;

interface Kpi {
  channel: { code: string };
  day: string;
  orders: number;
  revenue: { amount: string; currency: string };
  revenueByCurrency: { amount: string; currency: string }[];
  shippedOrders: number;
  processingHoursP50: number | null;
  processingHoursP90: number | null;
  fillRate: number;
  deliveredOrders: number;
  onTimeDeliveryRate: number | null;
}

type Db = Awaited<ReturnType<typeof sqlClient>>;
const HOUR = 3_600_000;

/** Continuous percentile (linear interpolation between the closest ranks), as percentile_cont defines it. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

const cents = (amount: string) => BigInt(amount.replace('.', ''));
const money = (c: bigint) => {
  const s = (c < 0n ? -c : c).toString().padStart(3, '0');
  return `${c < 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
};

/** The KPIs computed in JavaScript from the raw rows, independently of the service's SQL. */
async function expectedKpis(db: Db, from: Date, to: Date, channel: string | null): Promise<Kpi[]> {
  const orders = await db.rows<{
    id: string;
    channel_code: string;
    currency: string;
    total: string;
    status: string;
    placed_at: Date;
  }>(
    `SELECT id, channel_code, currency, total::text AS total, status, placed_at FROM orders.sales_order
     WHERE placed_at >= $1 AND placed_at < $2 AND ($3::text IS NULL OR channel_code = $3)`,
    [from, to, channel],
  );
  const ids = orders.map((o) => o.id);
  const changes = await db.rows<{ order_id: string; to_status: string; at: Date }>(
    'SELECT order_id, to_status, at FROM orders.order_status_change WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const shipments = await db.rows<{ order_id: string; eta: Date | null }>(
    'SELECT order_id, estimated_delivery_at AS eta FROM orders.order_shipment WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const groups = new Map<string, typeof orders>();
  for (const o of orders) {
    const key = `${o.channel_code}|${o.placed_at.toISOString().slice(0, 10)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const firstAt = (id: string, status: string) =>
    changes
      .filter((c) => c.order_id === id && c.to_status === status)
      .reduce<Date | null>((m, c) => (m && m <= c.at ? m : c.at), null);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => {
      const [code, day] = key.split('|');
      const byCurrency = new Map<string, { orders: number; revenue: bigint; revenueOrders: number }>();
      for (const o of group) {
        const c = byCurrency.get(o.currency) ?? { orders: 0, revenue: 0n, revenueOrders: 0 };
        c.orders += 1;
        if (o.status !== 'CANCELLED') {
          c.revenue += cents(o.total);
          c.revenueOrders += 1;
        }
        byCurrency.set(o.currency, c);
      }
      const currencies = [...byCurrency.keys()].sort();
      const main = [...currencies].sort((a, b) => byCurrency.get(b)!.orders - byCurrency.get(a)!.orders)[0];
      const hours = group.flatMap((o) => {
        const shipped = firstAt(o.id, 'SHIPPED');
        return shipped ? [(shipped.getTime() - o.placed_at.getTime()) / HOUR] : [];
      });
      const delivered = group.filter((o) => firstAt(o.id, 'DELIVERED'));
      const judged = delivered.flatMap((o) => {
        const etas = shipments.filter((s) => s.order_id === o.id).map((s) => s.eta);
        if (!etas.length || etas.some((e) => e === null)) return [];
        const eta = Math.max(...etas.map((e) => e!.getTime()));
        return [firstAt(o.id, 'DELIVERED')!.getTime() <= eta];
      });
      return {
        channel: { code },
        day,
        orders: group.length,
        revenue: { amount: money(byCurrency.get(main)!.revenue), currency: main },
        revenueByCurrency: currencies
          .filter((c) => byCurrency.get(c)!.revenueOrders > 0)
          .map((c) => ({ amount: money(byCurrency.get(c)!.revenue), currency: c })),
        shippedOrders: hours.length,
        processingHoursP50: percentile(hours, 0.5),
        processingHoursP90: percentile(hours, 0.9),
        fillRate:
          group.filter((o) => !changes.some((c) => c.order_id === o.id && c.to_status === 'BACKORDERED')).length /
          group.length,
        deliveredOrders: delivered.length,
        onTimeDeliveryRate: judged.length ? judged.filter(Boolean).length / judged.length : null,
      };
    });
}

/** Floats compared to 9 digits, everything else exactly. */
function expectSameKpis(actual: Kpi[], expected: Kpi[]): void {
  expect(actual.map((k) => `${k.channel.code}|${k.day}`)).toEqual(expected.map((k) => `${k.channel.code}|${k.day}`));
  actual.forEach((kpi, i) => {
    const want = expected[i];
    for (const field of ['processingHoursP50', 'processingHoursP90', 'fillRate', 'onTimeDeliveryRate'] as const) {
      if (want[field] === null) expect(kpi[field]).toBeNull();
      else expect(kpi[field]).toBeCloseTo(want[field]!, 9);
    }
    const strip = ({ processingHoursP50, processingHoursP90, fillRate, onTimeDeliveryRate, ...rest }: Kpi) => rest;
    expect(strip(kpi)).toEqual(strip(want));
  });
}

describeEachBackend('channel KPIs per UTC day', (backend) => {
  let platform: TestPlatform;
  let db: Db;
  const kpis = async (variables: Record<string, unknown>) => {
    const response = await gql<{ channelKpis: Kpi[] }, Record<string, unknown>>(platform.gatewayUrl, KPIS, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.channelKpis;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { customers: 40, orders: 400 });
    db = await sqlClient(platform.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  /** An order of the test channel with its history (hours after placedAt) and shipments' ETAs (hours after placedAt). */
  async function insertOrder(o: {
    placedAt: string;
    currency: string;
    total: string;
    status: string;
    history: [status: string, hours: number][];
    etas?: (number | null)[];
  }) {
    const id = randomUUID();
    const placed = new Date(o.placedAt);
    await db.query(
      `INSERT INTO orders.sales_order (id, channel_code, external_id, customer_id, status, version, currency, subtotal, discount,
         shipping_fee, total, ship_country, placed_at)
       VALUES ($1, 'kpi-lab', $2, $3, $4, $5, $6, $7, 0, 0, $7, 'CN', $8)`,
      [id, `KPI-${id}`, randomUUID(), o.status, o.history.length + 1, o.currency, o.total, placed],
    );
    let from = null as string | null;
    for (const [to, hours] of [['PENDING', 0] as [string, number], ...o.history]) {
      await db.query(
        'INSERT INTO orders.order_status_change (order_id, from_status, to_status, at) VALUES ($1, $2, $3, $4)',
        [id, from, to, new Date(placed.getTime() + hours * HOUR)],
      );
      from = to;
    }
    for (const eta of o.etas ?? []) {
      await db.query(
        `INSERT INTO orders.order_shipment (shipment_id, order_id, status, shipments_in_order, estimated_delivery_at)
         VALUES ($1, $2, 'DELIVERED', $3, $4)`,
        [randomUUID(), id, o.etas!.length, eta === null ? null : new Date(placed.getTime() + eta * HOUR)],
      );
    }
  }

  it('gives exact figures on constructed orders: revenue, percentiles, fill rate and on-time rate', async () => {
    await db.query("INSERT INTO orders.channel (code, name, kind) VALUES ('kpi-lab', 'KPI lab', 'WEBSTORE')");
    const shipped = (ship: number): [string, number][] => [
      ['ALLOCATED', 0.05],
      ['SHIPPED', ship],
    ];
    // 1 March: delivered 30 h after placing against a 48 h ETA: on time.
    await insertOrder({
      placedAt: '2025-03-01T00:00:00Z',
      currency: 'CNY',
      total: '100.10',
      status: 'DELIVERED',
      history: [...shipped(2), ['DELIVERED', 30]],
      etas: [48],
    });
    // Backordered first; two shipments, delivered after the later ETA: late.
    await insertOrder({
      placedAt: '2025-03-01T01:00:00Z',
      currency: 'CNY',
      total: '50.50',
      status: 'DELIVERED',
      history: [
        ['BACKORDERED', 0.1],
        ['ALLOCATED', 1],
        ['SHIPPED', 10],
        ['DELIVERED', 80],
      ],
      etas: [60, 72],
    });
    await insertOrder({
      placedAt: '2025-03-01T02:00:00Z',
      currency: 'CNY',
      total: '20.25',
      status: 'CANCELLED',
      history: [['CANCELLED', 0.5]],
    });
    // Delivered, but one shipment had no ETA: not judged on time or late.
    await insertOrder({
      placedAt: '2025-03-01T03:00:00Z',
      currency: 'CNY',
      total: '0.20',
      status: 'DELIVERED',
      history: [...shipped(4), ['DELIVERED', 20]],
      etas: [30, null],
    });
    // 23:30 UTC is 2 March in Shanghai; days are UTC, so it belongs to 1 March. Shipped the next day.
    await insertOrder({
      placedAt: '2025-03-01T23:30:00Z',
      currency: 'USD',
      total: '10.00',
      status: 'SHIPPED',
      history: shipped(6),
    });
    await insertOrder({
      placedAt: '2025-03-02T08:00:00Z',
      currency: 'CNY',
      total: '1.10',
      status: 'CANCELLED',
      history: [['CANCELLED', 1]],
    });
    // `to` is exclusive.
    await insertOrder({
      placedAt: '2025-03-03T00:00:00Z',
      currency: 'CNY',
      total: '9.99',
      status: 'PENDING',
      history: [],
    });

    const rows = await kpis({ from: '2025-03-01T00:00:00Z', to: '2025-03-03T00:00:00Z', channel: 'KPI-Lab' });
    expect(rows).toEqual([
      {
        channel: { code: 'kpi-lab' },
        day: '2025-03-01',
        orders: 5,
        revenue: { amount: '150.80', currency: 'CNY' },
        revenueByCurrency: [
          { amount: '150.80', currency: 'CNY' },
          { amount: '10.00', currency: 'USD' },
        ],
        shippedOrders: 4,
        // Hours to SHIPPED: 2, 4, 6, 10. p90 = 6 + 0.7 * (10 - 6).
        processingHoursP50: 5,
        processingHoursP90: expect.closeTo(8.8, 9),
        fillRate: 0.8,
        deliveredOrders: 3,
        onTimeDeliveryRate: 0.5,
      },
      {
        channel: { code: 'kpi-lab' },
        day: '2025-03-02',
        orders: 1,
        revenue: { amount: '0.00', currency: 'CNY' },
        revenueByCurrency: [],
        shippedOrders: 0,
        processingHoursP50: null,
        processingHoursP90: null,
        fillRate: 1,
        deliveredOrders: 0,
        onTimeDeliveryRate: null,
      },
    ]);
    expectSameKpis(
      rows,
      await expectedKpis(db, new Date('2025-03-01T00:00:00Z'), new Date('2025-03-03T00:00:00Z'), 'kpi-lab'),
    );
  });

  it('equals an independent computation over every channel of the seeded half year', async () => {
    const to = new Date(Date.now() + HOUR);
    const from = new Date(to.getTime() - 200 * 24 * HOUR);
    const rows = await kpis({ from: from.toISOString(), to: to.toISOString() });
    expect(new Set(rows.map((r) => r.channel.code)).size).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.processingHoursP50 !== null && r.fillRate < 1)).toBe(true);
    expectSameKpis(rows, await expectedKpis(db, from, to, null));
  });

  it('keeps the ETA of each shipment from its shipment.created event and judges a live delivery on time', async () => {
    const [level] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 3 ORDER BY s.sku LIMIT 1`,
    );
    const placed = await gql<{ placeOrder: { order: { id: string } } }, Record<string, unknown>>(
      platform.gatewayUrl,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }`,
      {
        input: {
          channel: 'webstore',
          externalId: `WS-KPI-${randomUUID()}`,
          buyer: { name: 'Qian Yu', email: 'qian.yu@example.com' },
          currency: 'CNY',
          lines: [{ sku: level.sku, quantity: 1, unitPrice: '12.30' }],
          shippingAddress: {
            name: 'Qian Yu',
            country: 'CN',
            province: 'Shanghai',
            city: 'Shanghai',
            line1: "No. 3 Yan'an Road",
          },
        },
      },
    );
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order.id;
    const shipment = await eventually(
      async () => {
        const [row] = await db.rows<{ shipment_id: string; eta: Date | null }>(
          'SELECT shipment_id, estimated_delivery_at AS eta FROM orders.order_shipment WHERE order_id = $1',
          [orderId],
        );
        return row;
      },
      'the shipment known to orders',
      20_000,
    );
    const [planned] = await db.rows<{ eta: Date; carrier_code: string; tracking_number: string }>(
      'SELECT estimated_delivery_at AS eta, carrier_code, tracking_number FROM logistics.shipment WHERE id = $1',
      [shipment.shipment_id],
    );
    expect(iso(shipment.eta)).toBe(iso(planned.eta));

    const track = (status: string, minutes: number) =>
      gql(platform.gatewayUrl, `mutation($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { id } }`, {
        input: {
          carrier: planned.carrier_code,
          trackingNumber: planned.tracking_number,
          status,
          at: new Date(Date.now() + minutes * 60_000).toISOString(),
        },
      });
    expect((await track('IN_TRANSIT', 1)).errors).toBeUndefined();
    expect((await track('DELIVERED', 2)).errors).toBeUndefined();
    await eventually(async () => {
      const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [orderId]);
      return row.status === 'DELIVERED' || undefined;
    }, 'DELIVERED');

    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const to = new Date(from.getTime() + 24 * HOUR);
    const rows = await kpis({ from: from.toISOString(), to: to.toISOString(), channel: 'webstore' });
    expect(rows).toHaveLength(1);
    expect(rows[0].deliveredOrders).toBeGreaterThanOrEqual(1);
    // Only this order was delivered with an ETA known to orders today, and it came well before its ETA.
    expect(rows[0].onTimeDeliveryRate).toBe(1);
    expectSameKpis(rows, await expectedKpis(db, from, to, 'webstore'));
  });

  it('refuses a window that ends before it starts or spans more than 366 days', async () => {
    const refuse = async (from: string, to: string) =>
      expectOneError(await gql(platform.gatewayUrl, KPIS, { from, to }), 'BAD_USER_INPUT');
    expect((await refuse('2025-03-02T00:00:00Z', '2025-03-01T00:00:00Z')).extensions?.problems).toEqual([
      { field: 'to', message: 'must be after from' },
    ]);
    await refuse('2024-01-01T00:00:00Z', '2025-01-02T00:00:01Z');
  });
});
