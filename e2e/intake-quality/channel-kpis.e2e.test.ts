import { randomUUID } from 'node:crypto';
import { describePlatformSuite } from '../support/backends';
import type { VariablesOf } from '@graphql-typed-document-node/core';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { PLACE_ORDER, RECORD_SCAN, shanghaiOrder } from '../support/documents';
import { expectOneError } from '../support/expect-error';
import { iso } from '../support/sql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';
import { expectedKpis, expectSameKpis, HOUR, insertKpiOrder, type KpiOrder, KPIS } from './kpi-expectations';

describePlatformSuite('channel KPIs per UTC day', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 40, orders: 400 });
  const kpis = async (variables: VariablesOf<typeof KPIS>) => {
    const response = await ask(KPIS, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.channelKpis;
  };
  const insertOrder = (o: KpiOrder) => insertKpiOrder(db, o);

  it('gives exact figures on constructed orders: revenue, percentiles, fill rate and on-time rate', async () => {
    await db.query("INSERT INTO orders.channel (code, name, kind) VALUES ('kpi-lab', 'KPI lab', 'WEBSTORE')");
    const shipped = (ship: number): KpiOrder['history'] => [
      ['ALLOCATED', 0.05],
      ['SHIPPED', ship],
    ];
    // One line per order, its fields in KpiOrder's order.
    const order = (
      placedAt: string,
      currency: string,
      total: string,
      status: string,
      history: KpiOrder['history'],
      etas?: KpiOrder['etas'],
    ) => insertOrder({ placedAt, currency, total, status, history, etas });
    // 1 March: delivered 30 h after placing against a 48 h ETA: on time.
    await order('2025-03-01T00:00:00Z', 'CNY', '100.10', 'DELIVERED', [...shipped(2), ['DELIVERED', 30]], [48]);
    // Backordered first; two shipments, delivered after the later ETA: late.
    const backordered: KpiOrder['history'] = [
      ['BACKORDERED', 0.1],
      ['ALLOCATED', 1],
      ['SHIPPED', 10],
      ['DELIVERED', 80],
    ];
    await order('2025-03-01T01:00:00Z', 'CNY', '50.50', 'DELIVERED', backordered, [60, 72]);
    await order('2025-03-01T02:00:00Z', 'CNY', '20.25', 'CANCELLED', [['CANCELLED', 0.5]]);
    // Delivered, but one shipment had no ETA: not judged on time or late.
    await order('2025-03-01T03:00:00Z', 'CNY', '0.20', 'DELIVERED', [...shipped(4), ['DELIVERED', 20]], [30, null]);
    // 23:30 UTC is 2 March in Shanghai; days are UTC, so it belongs to 1 March. Shipped the next day.
    await order('2025-03-01T23:30:00Z', 'USD', '10.00', 'SHIPPED', shipped(6));
    await order('2025-03-02T08:00:00Z', 'CNY', '1.10', 'CANCELLED', [['CANCELLED', 1]]);
    // `to` is exclusive.
    await order('2025-03-03T00:00:00Z', 'CNY', '9.99', 'PENDING', []);

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
    const buyer = { name: 'Qian Yu', email: 'qian.yu@example.com' };
    const lines = [{ sku: level.sku, quantity: 1, unitPrice: '12.30' }];
    const placed = await ask(PLACE_ORDER, {
      input: shanghaiOrder(`WS-KPI-${randomUUID()}`, buyer, lines, "No. 3 Yan'an Road"),
    });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order!.id;
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

    const track = (status: ShipmentStatus, minutes: number) =>
      ask(RECORD_SCAN, {
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
    const refuse = async (from: string, to: string) => expectOneError(await ask(KPIS, { from, to }), 'BAD_USER_INPUT');
    expect((await refuse('2025-03-02T00:00:00Z', '2025-03-01T00:00:00Z')).extensions?.problems).toEqual([
      { field: 'to', message: 'must be after from' },
    ]);
    await refuse('2024-01-01T00:00:00Z', '2025-01-02T00:00:01Z');
  });
});
