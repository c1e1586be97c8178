import type { ResultOf } from '@graphql-typed-document-node/core';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import type { ShipmentStatus } from '../generated/suites/graphql';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const SHIPMENT = graphql(`
  fragment ScansShipment on Shipment {
    id trackingNumber carrier { code } status createdAt deliveredAt events { at status location }
  }
`);
const ORDER = graphql(`
  query ScansOrder($id: ID!) { order(id: $id) { status statusHistory { to at } shipments { ...ScansShipment } } }
`);
const RECORD = graphql(`
  mutation ScansRecord($input: TrackingEventInput!) { recordTrackingEvent(input: $input) { ...ScansShipment } }
`);
type Shipment = ResultOf<typeof SHIPMENT>;

const MINUTE = 60_000;

describePlatformSuite('tracking scans out of order leave the shipment consistent', (backend) => {
  const { db, ask } = usePlatform(backend, { customers: 20, orders: 40 });
  let n = 0;

  const view = async (id: string) => (await ask(ORDER, { id })).data!.order!;

  /** A freshly placed order with its one planned shipment: the label was created just now. */
  async function shippedOrder(): Promise<{ orderId: string; shipment: Shipment }> {
    const [level] = await db.rows<{ sku: string }>(
      `SELECT s.sku FROM inventory.stock_level s JOIN inventory.warehouse w ON w.id = s.warehouse_id
       WHERE w.code = 'SHA' AND s.on_hand - s.reserved - s.safety_stock >= 2 ORDER BY s.sku OFFSET $1 LIMIT 1`,
      [n],
    );
    n += 1;
    const buyer = { name: 'Li Na', email: `li.na+${n}@example.com` };
    const lines = [{ sku: level.sku, quantity: 1, unitPrice: '19.90' }];
    const placed = await ask(PLACE_ORDER, {
      input: shanghaiOrder(`WS-SCAN-${Date.now()}-${n}`, buyer, lines, `No. ${n} Huaihai Road`),
    });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order!.id;
    const order = await eventually(async () => {
      const o = await view(orderId);
      return o.status === 'ALLOCATED' && o.shipments?.length === 1 ? o.shipments[0] : undefined;
    }, 'ALLOCATED with a shipment');
    return { orderId, shipment: order };
  }
  const scan = async (s: Shipment, status: ShipmentStatus, at: Date, location: string | null = null) => {
    const result = await ask(RECORD, {
      input: { carrier: s.carrier.code, trackingNumber: s.trackingNumber, status, at: at.toISOString(), location },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.recordTrackingEvent;
  };
  const statusEvents = async (shipmentId: string) =>
    (
      await db.rows<{ to: string }>(
        `SELECT payload->>'to' AS to FROM logistics.outbox
         WHERE type = 'shipment.status-changed' AND aggregate_id = $1 ORDER BY seq`,
        [shipmentId],
      )
    ).map((r) => r.to);
  const delivered = (orderId: string) =>
    eventually(async () => {
      const o = await view(orderId);
      return o.status === 'DELIVERED' ? o : undefined;
    }, 'the order DELIVERED');

  it('a DELIVERED scan stamped five minutes before the label delivers the shipment and the order', async () => {
    const { orderId, shipment } = await shippedOrder();
    const created = new Date(shipment.createdAt);
    const early = new Date(created.getTime() - 5 * MINUTE);

    const after = await scan(shipment, 'DELIVERED', early, 'Front door');

    expect(after.status).toBe('DELIVERED');
    // The carrier's clock is behind ours: the delivery cannot precede the label.
    expect(after.deliveredAt).toBe(created.toISOString());
    // Recorded as the carrier sent it.
    expect(after.events).toEqual([
      { at: early.toISOString(), status: 'DELIVERED', location: 'Front door' },
      expect.objectContaining({ status: 'CREATED' }),
    ]);
    const order = await delivered(orderId);
    expect(order.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'ALLOCATED', 'SHIPPED', 'DELIVERED']);
    // History stays in time order.
    const times = order.statusHistory.map((h) => new Date(h.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(await statusEvents(shipment.id)).toEqual(['DELIVERED']);
  });

  it('scans arriving in reverse order end where the furthest one says, and every one is kept', async () => {
    const { orderId, shipment } = await shippedOrder();
    const t = (minutes: number) => new Date(new Date(shipment.createdAt).getTime() + minutes * MINUTE);

    expect((await scan(shipment, 'DELIVERED', t(30), 'Front door')).status).toBe('DELIVERED');
    expect(await scan(shipment, 'OUT_FOR_DELIVERY', t(20), 'Courier van')).toMatchObject({
      status: 'DELIVERED',
      deliveredAt: t(30).toISOString(),
    });
    const last = await scan(shipment, 'IN_TRANSIT', t(10), 'Sorting centre');

    expect(last).toMatchObject({ status: 'DELIVERED', deliveredAt: t(30).toISOString() });
    expect(last.events.map((e) => e.status)).toEqual(['CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect((await delivered(orderId)).statusHistory.map((h) => h.to)).toEqual([
      'PENDING',
      'ALLOCATED',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(await statusEvents(shipment.id)).toEqual(['DELIVERED']);
  });

  it('a stale scan after DELIVERED is recorded and moves nothing back', async () => {
    const { orderId, shipment } = await shippedOrder();
    const t = (minutes: number) => new Date(new Date(shipment.createdAt).getTime() + minutes * MINUTE);
    await scan(shipment, 'IN_TRANSIT', t(1));
    await scan(shipment, 'DELIVERED', t(2));
    await delivered(orderId);

    // A van's scanner uploading late, with a clock ahead: newer by time, behind in the lifecycle.
    const stale = await scan(shipment, 'IN_TRANSIT', t(5), 'Depot');
    const flagged = await scan(shipment, 'EXCEPTION', t(6));

    for (const s of [stale, flagged]) expect(s).toMatchObject({ status: 'DELIVERED', deliveredAt: t(2).toISOString() });
    expect(flagged.events.map((e) => e.status)).toEqual([
      'CREATED',
      'IN_TRANSIT',
      'DELIVERED',
      'IN_TRANSIT',
      'EXCEPTION',
    ]);
    expect(await statusEvents(shipment.id)).toEqual(['IN_TRANSIT', 'DELIVERED']);
    await new Promise((r) => setTimeout(r, 500));
    expect((await view(orderId)).status).toBe('DELIVERED');
  });

  it('an EXCEPTION holds until a newer scan, and a late older scan does not clear it', async () => {
    const { shipment } = await shippedOrder();
    const t = (minutes: number) => new Date(new Date(shipment.createdAt).getTime() + minutes * MINUTE);
    expect((await scan(shipment, 'OUT_FOR_DELIVERY', t(3))).status).toBe('OUT_FOR_DELIVERY');
    expect((await scan(shipment, 'IN_TRANSIT', t(2))).status).toBe('OUT_FOR_DELIVERY');
    expect((await scan(shipment, 'EXCEPTION', t(4))).status).toBe('EXCEPTION');
    expect((await scan(shipment, 'IN_TRANSIT', t(1))).status).toBe('EXCEPTION');
    const resumed = await scan(shipment, 'OUT_FOR_DELIVERY', t(5));
    expect(resumed).toMatchObject({ status: 'OUT_FOR_DELIVERY', deliveredAt: null });
    expect(await statusEvents(shipment.id)).toEqual(['OUT_FOR_DELIVERY', 'EXCEPTION', 'OUT_FOR_DELIVERY']);
  });
});
