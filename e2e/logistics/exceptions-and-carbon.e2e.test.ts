import { distanceKm } from '@supply-graph/shared';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { PLACE_ORDER, RECORD_SCAN } from '../support/documents';
import { dataOf } from '../support/graphql';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const ORDER_SHIPMENTS = graphql(
  `query LogisticsOrderShipments($id: ID!) { order(id: $id) { status shipments { id } } }`,
);
const SHIPMENT = graphql(`
  query LogisticsShipment($id: ID!) {
    shipment(id: $id) {
      id status trackingNumber createdAt estimatedDeliveryAt carbonKg packages { weightGrams }
      carrier { code mode } warehouse { code latitude longitude }
      events { at status description }
    }
  }
`);
const SCAN = graphql(`mutation LogisticsScan($now: DateTime) { scanForExceptions(now: $now) { flagged at } }`);
const ALERTS = graphql(`
  query LogisticsAlerts($first: Int, $since: DateTime) {
    logisticsAlerts(first: $first, since: $since) { id kind detail raisedAt shipment { id status } }
  }
`);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Where the test orders go: far from the only warehouse stocking the SKU, so the ETA is days away. */
const HARBIN = { latitude: 45.8038, longitude: 126.535 };
/** The documented factors (kg CO2e per tonne-km). */
const FACTORS: Record<string, number> = { ROAD: 0.105, EXPRESS: 0.25, AIR: 0.6 };

describePlatformSuite('logistics: exception scan and carbon estimates through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });
  let sku: string;
  let n = 0;

  const shipment = async (id: string) => dataOf(await ask(SHIPMENT, { id })).shipment!;
  const scan = async (now: Date) => dataOf(await ask(SCAN, { now: now.toISOString() })).scanForExceptions;
  const alertsOf = async (shipmentId: string) =>
    db.rows<{ kind: string; detail: string; raised_at: Date }>(
      'SELECT kind, detail, raised_at FROM logistics.logistics_alert WHERE shipment_id = $1',
      [shipmentId],
    );

  /**
   * Places an order of `quantity` x the test SKU to `city`, each with its own buyer (no risk rule fires),
   * and returns its shipment.
   */
  async function shipTo(city: string, province: string, quantity: number) {
    n += 1;
    const phone = `+86139${String(Date.now() % 100_000).padStart(5, '0')}${String(n).padStart(3, '0')}`;
    const placed = await ask(PLACE_ORDER, {
      input: {
        channel: 'webstore',
        externalId: `WS-LOGI-${Date.now()}-${n}`,
        buyer: { name: `Buyer ${n}`, email: `logistics.buyer.${Date.now()}.${n}@example.com`, phone },
        currency: 'CNY',
        lines: [{ sku, quantity, unitPrice: '9.90' }],
        shippingAddress: {
          name: `Buyer ${n}`,
          phone,
          country: 'CN',
          province,
          city,
          line1: `No. ${n} Zhongyang Street`,
        },
      },
    });
    let status = '';
    const order = await eventually(async () => {
      const o = dataOf(await ask(ORDER_SHIPMENTS, { id: dataOf(placed).placeOrder.order!.id })).order!;
      status = o.status;
      return o.shipments!.length ? o : undefined;
    }, 'the order to get its shipment').catch((err: Error) => {
      throw new Error(`${err.message} (order ${status})`);
    });
    expect(order.shipments).toHaveLength(1);
    return shipment(order.shipments![0].id);
  }

  beforeAll(async () => {
    // One SKU sellable in the Shanghai warehouse alone, so every test order ships SHA -> Harbin (about 1,650 km).
    [{ sku }] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' ORDER BY s.sku DESC LIMIT 1`,
    );
    await db.query('UPDATE inventory.stock_level SET on_hand = reserved + safety_stock WHERE sku = $1', [sku]);
    await db.query(
      `UPDATE inventory.stock_level s SET on_hand = reserved + safety_stock + 100 FROM inventory.warehouse w
       WHERE w.id = s.warehouse_id AND s.sku = $1 AND w.code = 'SHA'`,
      [sku],
    );
  });

  it('a parcel a day past its ETA becomes an EXCEPTION with an alert and a history entry, and only once', async () => {
    const planned = await shipTo('Harbin', 'Heilongjiang', 1);
    expect(planned.status).toBe('CREATED');
    const now = new Date(new Date(planned.estimatedDeliveryAt!).getTime() + DAY);
    const lastScan = Math.max(...planned.events.map((e) => new Date(e.at).getTime()));
    const quietHours = Math.floor((now.getTime() - lastScan) / HOUR);
    expect(quietHours).toBeGreaterThanOrEqual(48);
    const detail = `past ETA by 24 h; no scan for ${quietHours} h`;

    const first = await scan(now);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    expect(new Date(first.at).getTime()).toBe(now.getTime());

    const flagged = await shipment(planned.id);
    expect(flagged.status).toBe('EXCEPTION');
    const last = flagged.events[flagged.events.length - 1];
    expect(last).toEqual({ at: expect.any(String), status: 'EXCEPTION', description: detail });
    expect(new Date(last.at).getTime()).toBe(now.getTime());

    const { logisticsAlerts } = dataOf(await ask(ALERTS, { first: 100, since: now.toISOString() }));
    const mine = logisticsAlerts.filter((a) => a.shipment.id === planned.id);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        kind: 'PAST_ETA',
        detail,
        raisedAt: expect.any(String),
        shipment: { id: planned.id, status: 'EXCEPTION' },
      },
    ]);
    expect(new Date(mine[0].raisedAt).getTime()).toBe(now.getTime());

    // The order and inventory hear of it like of any carrier scan.
    const announced = await db.rows<{ payload: { from: string; to: string } }>(
      "SELECT payload FROM logistics.outbox WHERE type = 'shipment.status-changed' AND aggregate_id = $1",
      [planned.id],
    );
    expect(announced.map((e) => e.payload)).toEqual([expect.objectContaining({ from: 'CREATED', to: 'EXCEPTION' })]);

    // Again at the same time, or later with no newer scan: nothing new anywhere.
    expect((await scan(now)).flagged).toBe(0);
    await scan(new Date(now.getTime() + 3 * DAY));
    expect(await alertsOf(planned.id)).toHaveLength(1);
    expect((await shipment(planned.id)).events.filter((e) => e.status === 'EXCEPTION')).toHaveLength(1);
  });

  it('a parcel scanned recently is not flagged; one without a scan for 48 hours is', async () => {
    const quiet = await shipTo('Harbin', 'Heilongjiang', 1);
    const scanned = await shipTo('Harbin', 'Heilongjiang', 1);
    // Carriers may report up to an hour ahead of our clock; the latest allowed scan keeps this test's margins wide.
    const scanAt = new Date(Date.now() + 59 * 60_000);
    dataOf(
      await ask(RECORD_SCAN, {
        input: {
          carrier: scanned.carrier.code,
          trackingNumber: scanned.trackingNumber,
          status: 'IN_TRANSIT',
          at: scanAt.toISOString(),
        },
      }),
    );

    const now = new Date(new Date(quiet.createdAt).getTime() + 48.5 * HOUR);
    // Fixture: both are still on time, so only silence can flag them.
    expect(new Date(quiet.estimatedDeliveryAt!).getTime()).toBeGreaterThan(now.getTime());
    expect(new Date(scanned.estimatedDeliveryAt!).getTime()).toBeGreaterThan(scanAt.getTime() + 49 * HOUR);

    expect((await scan(now)).flagged).toBeGreaterThanOrEqual(1);
    expect((await shipment(quiet.id)).status).toBe('EXCEPTION');
    expect(await alertsOf(quiet.id)).toEqual([
      expect.objectContaining({ kind: 'NO_SCAN', detail: 'no scan for 48 h' }),
    ]);
    expect((await shipment(scanned.id)).status).toBe('IN_TRANSIT');
    expect(await alertsOf(scanned.id)).toEqual([]);

    // Two days after its scan, the scanned parcel has gone quiet too.
    await scan(new Date(scanAt.getTime() + 49 * HOUR));
    expect((await shipment(scanned.id)).status).toBe('EXCEPTION');
    expect(await alertsOf(scanned.id)).toEqual([
      expect.objectContaining({ kind: 'NO_SCAN', detail: 'no scan for 49 h' }),
    ]);
  });

  it("carbonKg is the great-circle distance x the packages' weight x the carrier mode's factor", async () => {
    const planned = await shipTo('Harbin', 'Heilongjiang', 3);
    expect(planned.warehouse.code).toBe('SHA');
    const km = distanceKm(planned.warehouse, HARBIN);
    expect(km).toBeGreaterThan(1500);
    // The demo warehouses have box catalogues: the weight is what inventory packed (products and boxes).
    const kg = planned.packages.reduce((sum, p) => sum + p.weightGrams, 0) / 1000;
    expect(kg).toBeGreaterThan(0);
    const expected = km * (kg / 1000) * FACTORS[planned.carrier.mode];
    expect(planned.carbonKg).toBeCloseTo(expected, 3);
    expect(planned.carbonKg).toBeGreaterThan(0);

    // Demo shipments were never planned here: no distance, so no estimate rather than a wrong one.
    const [demo] = await db.rows<{ id: string }>('SELECT id FROM logistics.shipment WHERE distance_km IS NULL LIMIT 1');
    expect((await shipment(demo.id)).carbonKg).toBeNull();
  });

  it('two scans at once (two replicas) flag each shipment once', async () => {
    const planned = [];
    for (let i = 0; i < 4; i += 1) planned.push(await shipTo('Harbin', 'Heilongjiang', 1));
    const now = new Date(Date.now() + 30 * DAY);
    const results = await Promise.all([scan(now), scan(now), scan(now)]);
    const raised = await db.rows<{ shipment_id: string; alerts: number }>(
      `SELECT shipment_id, count(*)::int AS alerts FROM logistics.logistics_alert
       WHERE raised_at = $1 GROUP BY shipment_id`,
      [now],
    );
    expect(results.reduce((sum, r) => sum + r.flagged, 0)).toBe(raised.length);
    expect(raised.every((r) => r.alerts === 1)).toBe(true);
    for (const s of planned) {
      expect(raised.map((r) => r.shipment_id)).toContain(s.id);
      const events = (await shipment(s.id)).events.filter((e) => e.status === 'EXCEPTION');
      expect(events).toHaveLength(1);
    }
    const announced = await db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM logistics.outbox
       WHERE type = 'shipment.status-changed' AND payload->>'to' = 'EXCEPTION' AND (payload->>'at')::timestamptz = $1`,
      [now],
    );
    expect(announced[0].n).toBe(raised.length);
  });

  it('rejects a page size out of range, naming the argument', async () => {
    const res = await ask(ALERTS, { first: 0 });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'first' })],
    });
  });
});
