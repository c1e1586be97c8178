import { bulkInsert, type DemoDataset, type Queryable } from '@supply-graph/shared';
import { carrierModeFor } from '../modules/carrier/carrier.service';

/** True when the logistics schema holds no shipment yet. */
export async function logisticsEmpty(db: Queryable): Promise<boolean> {
  const rows = (await db.query('SELECT NOT EXISTS (SELECT 1 FROM shipment) AS empty')) as { empty: boolean }[];
  return rows[0].empty;
}

/** Writes the logistics part of the demo data set (carriers, shipments, tracking events). */
export async function seedLogistics(db: Queryable, data: DemoDataset): Promise<void> {
  await db.query('TRUNCATE tracking_event, shipment, carrier, outbox, inbox, aggregate_version RESTART IDENTITY');
  await bulkInsert(
    db,
    'carrier',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'mode', type: 'text' },
    ],
    // Codes are stored lower-case: lookups normalise what webhooks and clients send.
    data.carriers.map((c) => [c.code.toLowerCase(), c.name, carrierModeFor(c.code)]),
  );
  await bulkInsert(
    db,
    'shipment',
    [
      { name: 'id', type: 'uuid' },
      { name: 'order_id', type: 'uuid' },
      { name: 'customer_id', type: 'uuid' },
      { name: 'warehouse_id', type: 'uuid' },
      { name: 'carrier_code', type: 'text' },
      { name: 'tracking_number', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'estimated_delivery_at', type: 'timestamptz' },
      { name: 'delivered_at', type: 'timestamptz' },
      { name: 'channel', type: 'text' },
    ],
    data.shipments.map((s) => [
      s.id,
      s.orderId,
      s.customerId,
      s.warehouseId,
      s.carrier.toLowerCase(),
      s.trackingNumber,
      s.status,
      s.createdAt,
      s.estimatedDeliveryAt,
      s.deliveredAt,
      s.channel,
    ]),
  );
  // The same scan listed twice would break uq_tracking_event; the webhook stores it once, so does the seed.
  const seen = new Set<string>();
  const events: unknown[][] = [];
  for (const s of data.shipments) {
    for (const e of s.events) {
      const key = `${s.id}|${e.at.toISOString()}|${e.status}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push([s.id, e.at, e.status, e.location, e.description]);
    }
  }
  await bulkInsert(
    db,
    'tracking_event',
    [
      { name: 'shipment_id', type: 'uuid' },
      { name: 'at', type: 'timestamptz' },
      { name: 'status', type: 'text' },
      { name: 'location', type: 'text' },
      { name: 'description', type: 'text' },
    ],
    events,
  );
}
