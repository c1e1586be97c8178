import { insertRows, type DemoDataset, type Queryable } from '@supply-graph/shared';
import { carrierModeFor } from '../modules/carrier/carrier.service';

/** True when the logistics schema holds no shipment yet. */
export async function logisticsEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM shipment) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/** Writes the logistics part of the demo data set (carriers, shipments, tracking events). */
export async function seedLogistics(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query(
    'TRUNCATE tracking_event, shipment_package, shipment, carrier_outcome, carrier_performance, carrier, outbox, inbox, aggregate_version RESTART IDENTITY',
  );
  await insertRows(
    db,
    'carrier',
    { code: 'text', name: 'text', mode: 'text' },
    // Codes are stored lower-case: lookups normalise what webhooks and clients send.
    data.carriers.map((c) => ({ code: c.code.toLowerCase(), name: c.name, mode: carrierModeFor(c.code) })),
  );
  await insertRows(
    db,
    'shipment',
    {
      id: 'uuid',
      order_id: 'uuid',
      customer_id: 'uuid',
      warehouse_id: 'uuid',
      carrier_code: 'text',
      tracking_number: 'text',
      status: 'text',
      created_at: 'timestamptz',
      estimated_delivery_at: 'timestamptz',
      delivered_at: 'timestamptz',
      channel: 'text',
    },
    data.shipments.map((s) => ({
      id: s.id,
      order_id: s.orderId,
      customer_id: s.customerId,
      warehouse_id: s.warehouseId,
      carrier_code: s.carrier.toLowerCase(),
      tracking_number: s.trackingNumber,
      status: s.status,
      created_at: s.createdAt,
      estimated_delivery_at: s.estimatedDeliveryAt,
      delivered_at: s.deliveredAt,
      channel: s.channel,
    })),
  );
  // The same scan listed twice would break uq_tracking_event; the webhook stores it once, so does the seed.
  const seen = new Set<string>();
  const events = data.shipments.flatMap((s) =>
    s.events.flatMap((e) => {
      const key = `${s.id}|${e.at.toISOString()}|${e.status}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ shipment_id: s.id, at: e.at, status: e.status, location: e.location, description: e.description }];
    }),
  );
  await insertRows(
    db,
    'tracking_event',
    { shipment_id: 'uuid', at: 'timestamptz', status: 'text', location: 'text', description: 'text' },
    events,
  );
}
