import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { ShipmentStatus, TrackingEventInput } from '../generated/suites/graphql';
import { expectOneError } from '../support/expect-error';
import { iso } from '../support/sql';
import { usePlatform } from '../support/use-platform';

interface ShipmentRow {
  id: string;
  carrier_code: string;
  tracking_number: string;
  status: string;
  delivered_at: Date | null;
}
/** A carrier's scan of a shipment the test picks. */
type Scan = Omit<TrackingEventInput, 'carrier' | 'trackingNumber'>;

// The selection every document below answers with (codegen adds it to each document that spreads it).
graphql(`
  fragment TrackingShipment on Shipment {
    id trackingNumber carrier { code } status deliveredAt events { at status location description }
  }
`);
const RECORD = graphql(`
  mutation TrackingRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...TrackingShipment } }
`);
const SHIPMENT = graphql(`query TrackingShipmentById($id: ID!) { shipment(id: $id) { ...TrackingShipment } }`);
const BY_TRACKING = graphql(`
  query TrackingByNumber($carrier: String!, $number: String!) {
    shipmentByTracking(carrier: $carrier, trackingNumber: $number) { ...TrackingShipment }
  }
`);

const MINUTE = 60_000;
/** A scan time `minutes` from now (negative: in the past), as a carrier would send it. */
const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();
/** A scan `minutes` from now, with where it happened and the carrier's words. */
const scanOf = (
  status: ShipmentStatus,
  minutes: number,
  location: string | null,
  description: string | null,
): Scan => ({ status, at: at(minutes), location, description });

describePlatformSuite('carrier tracking events through the gateway', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 50, orders: 600 });
  let candidates: ShipmentRow[];

  const record = (s: ShipmentRow, scan: Scan, carrier = s.carrier_code) =>
    ask(RECORD, { input: { carrier, trackingNumber: s.tracking_number, ...scan } });
  const readShipment = async (id: string) => (await ask(SHIPMENT, { id })).data!.shipment;
  const row = async (id: string) =>
    (
      await db.rows<ShipmentRow>(
        'SELECT id, carrier_code, tracking_number, status, delivered_at FROM logistics.shipment WHERE id = $1',
        [id],
      )
    )[0];
  const trail = async (id: string) =>
    (
      await db.rows<{ at: Date; status: string; location: string | null; description: string | null }>(
        `SELECT at, status, location, description FROM logistics.tracking_event
         WHERE shipment_id = $1 ORDER BY at, id`,
        [id],
      )
    ).map((e) => ({ ...e, at: iso(e.at)! }));

  /** A shipment still on its way whose scans are all over two hours old, for one test alone. */
  function take(): ShipmentRow {
    const s = candidates.shift();
    if (!s) throw new Error('the seed has too few CREATED or IN_TRANSIT shipments for this suite');
    return s;
  }

  beforeAll(async () => {
    candidates = await db.rows<ShipmentRow>(`
      SELECT s.id, s.carrier_code, s.tracking_number, s.status, s.delivered_at FROM logistics.shipment s
      WHERE s.status IN ('CREATED', 'IN_TRANSIT') AND s.delivered_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM logistics.tracking_event e
                        WHERE e.shipment_id = s.id AND e.at > now() - interval '2 hours')
      ORDER BY s.id`);
  });

  it('a scan is appended to the events and sets the status', async () => {
    const s = take();
    const before = await trail(s.id);
    const scan = scanOf('OUT_FOR_DELIVERY', -50, 'Pudong depot', 'With courier');

    const result = await record(s, scan);

    expect(result.errors).toBeUndefined();
    const returned = result.data!.recordTrackingEvent;
    expect(returned).toMatchObject({ id: s.id, status: 'OUT_FOR_DELIVERY', deliveredAt: null });
    expect(returned.events).toEqual([...before, scan]);
    expect(await trail(s.id)).toEqual([...before, scan]);
    expect(await readShipment(s.id)).toEqual(returned);
    expect(await row(s.id)).toMatchObject({ status: 'OUT_FOR_DELIVERY', delivered_at: null });
  });

  it('the same scan sent again, sequentially or 10 times at once, is stored once', async () => {
    const s = take();
    const before = await trail(s.id);
    const first = scanOf('IN_TRANSIT', -90, 'Hangzhou hub', 'Departed');
    const once = await record(s, first);
    expect(once.errors).toBeUndefined();

    const again = await record(s, first);

    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(once.data);
    expect(await trail(s.id)).toEqual([...before, first]);

    const second = scanOf('OUT_FOR_DELIVERY', -45, 'Shanghai depot', null);
    const results = await Promise.all(Array.from({ length: 10 }, () => record(s, second)));

    for (const r of results) expect(r.errors).toBeUndefined();
    const states = results.map((r) => r.data!.recordTrackingEvent);
    for (const state of states) expect(state).toEqual(states[0]);
    expect(states[0]).toMatchObject({ status: 'OUT_FOR_DELIVERY', events: [...before, first, second] });
    const [{ n }] = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM logistics.tracking_event WHERE shipment_id = $1 AND at = $2 AND status = $3',
      [s.id, second.at, second.status],
    );
    expect(n).toBe(1);
    expect(await trail(s.id)).toEqual([...before, first, second]);
    expect(await readShipment(s.id)).toEqual(states[0]);
  });

  it('a DELIVERED scan sets deliveredAt; an older scan arriving later leaves it DELIVERED', async () => {
    const s = take();
    const before = await trail(s.id);
    const delivered = scanOf('DELIVERED', -20, 'Front door', 'Signed by recipient');

    const result = await record(s, delivered);

    expect(result.errors).toBeUndefined();
    expect(result.data!.recordTrackingEvent).toMatchObject({ status: 'DELIVERED', deliveredAt: delivered.at });
    expect(iso((await row(s.id)).delivered_at)).toBe(delivered.at);

    // The carrier's sorting-centre scan from before delivery reaches us only now.
    const late = scanOf('IN_TRANSIT', -60, 'Sorting centre', 'Arrived');
    const after = await record(s, late);

    expect(after.errors).toBeUndefined();
    const shipment = after.data!.recordTrackingEvent;
    expect(shipment).toMatchObject({ status: 'DELIVERED', deliveredAt: delivered.at });
    // Stored in scan order, not arrival order.
    expect(shipment.events).toEqual([...before, late, delivered]);
    expect(await readShipment(s.id)).toEqual(shipment);
    expect(await row(s.id)).toMatchObject({ status: 'DELIVERED', delivered_at: new Date(delivered.at) });
  });

  it('accepts the carrier code in upper case, and shipmentByTracking finds the shipment in any case', async () => {
    const s = take();
    expect(s.carrier_code).toBe(s.carrier_code.toLowerCase());
    const scan = scanOf('IN_TRANSIT', -30, null, 'Loaded on truck');

    const result = await record(s, scan, s.carrier_code.toUpperCase());

    expect(result.errors).toBeUndefined();
    expect(result.data!.recordTrackingEvent).toMatchObject({
      id: s.id,
      carrier: { code: s.carrier_code },
      status: 'IN_TRANSIT',
    });
    expect((await trail(s.id)).at(-1)).toEqual(scan);
    for (const carrier of [s.carrier_code, s.carrier_code.toUpperCase()]) {
      const found = await ask(BY_TRACKING, { carrier, number: s.tracking_number });
      expect(found.errors).toBeUndefined();
      expect(found.data!.shipmentByTracking).toEqual(result.data!.recordTrackingEvent);
    }
  });

  it.each([
    ['two hours', 120],
    ['a year', 365 * 24 * 60],
  ])('a scan %s in the future is BAD_USER_INPUT and stores nothing', async (_label, minutes) => {
    const s = take();
    const before = await trail(s.id);
    const rowBefore = await row(s.id);

    const result = await record(s, { status: 'DELIVERED', at: at(minutes) });

    expectOneError(result, 'BAD_USER_INPUT', /in the future/);
    expect(await trail(s.id)).toEqual(before);
    expect(await row(s.id)).toEqual(rowBefore);
    const shipment = await readShipment(s.id);
    expect(shipment).toMatchObject({ status: rowBefore.status, deliveredAt: null, events: before });
  });
});
