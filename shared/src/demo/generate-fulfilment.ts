import type { City } from './catalog';
import type {
  DemoAllocation,
  DemoOrder,
  DemoShipment,
  DemoStockLevel,
  DemoTrackingEvent,
  DemoWarehouse,
} from './dataset';
import { distanceKm } from './geo';
import { DAY, HOUR, type Timeline } from './order-timeline';
import type { Random } from './random';

interface FulfilmentInput {
  orders: DemoOrder[];
  timelines: Map<string, Timeline>;
  warehouses: DemoWarehouse[];
  stockLevels: DemoStockLevel[];
  cityOf: Map<string, City>;
  now: Date;
}

const TRACKING_FORMATS: Record<string, (rng: Random) => string> = {
  sf: (rng) => `SF${rng.digits(13)}`,
  'jd-logistics': (rng) => `JDVA${rng.digits(11)}`,
  zto: (rng) => `75${rng.digits(12)}`,
  yto: (rng) => `YT${rng.digits(13)}`,
  ems: (rng) => `E${rng.digits(9)}CN`,
};

/**
 * Allocations and shipments consistent with each order's status: every line
 * of an allocated order is reserved in the nearest warehouse stocking it;
 * allocated-but-unshipped units are counted in `reserved`; one shipment per
 * warehouse once the order ships, with tracking events up to its status.
 */
export function planFulfilment(rng: Random, input: FulfilmentInput) {
  const { orders, timelines, warehouses, stockLevels, cityOf, now } = input;
  const levelsBySku = new Map<string, DemoStockLevel[]>();
  for (const level of stockLevels) levelsBySku.set(level.sku, [...(levelsBySku.get(level.sku) ?? []), level]);
  const warehouseById = new Map(warehouses.map((w) => [w.id, w]));
  const allocations: DemoAllocation[] = [];
  const shipments: DemoShipment[] = [];
  const usedTracking = new Set<string>();

  for (const order of orders) {
    const timeline = timelines.get(order.id)!;
    if (!timeline.allocatedAt) continue;
    const city = cityOf.get(order.customerId)!;
    const byWarehouse = new Map<string, DemoAllocation[]>();
    // Like the default routing strategy: one warehouse that holds every line if any, the nearest of those.
    const whole = warehouses
      .filter((w) => order.lines.every((l) => levelsBySku.get(l.sku)!.some((lv) => lv.warehouseId === w.id)))
      .sort((a, b) => distanceKm(a, city) - distanceKm(b, city))[0];
    for (const line of order.lines) {
      const levels = levelsBySku.get(line.sku)!;
      const level = whole
        ? levels.find((l) => l.warehouseId === whole.id)!
        : levels.reduce((best, l) =>
            distanceKm(warehouseById.get(l.warehouseId)!, city) < distanceKm(warehouseById.get(best.warehouseId)!, city)
              ? l
              : best,
          );
      const allocation: DemoAllocation = {
        id: rng.uuid(),
        orderId: order.id,
        sku: line.sku,
        warehouseId: level.warehouseId,
        quantity: line.quantity,
        createdAt: timeline.allocatedAt,
        releasedAt: timeline.releasedAt,
      };
      allocations.push(allocation);
      byWarehouse.set(level.warehouseId, [...(byWarehouse.get(level.warehouseId) ?? []), allocation]);
      if (order.status === 'ALLOCATED') {
        level.reserved += line.quantity;
        // Never show a reservation the shelf could not hold.
        level.onHand = Math.max(level.onHand, level.reserved + level.safetyStock + rng.int(0, 40));
      }
    }
    const labelled =
      order.status === 'ALLOCATED' && now.getTime() - timeline.allocatedAt.getTime() > 2 * HOUR && rng.chance(0.5);
    if (!timeline.shippedAt && !labelled) continue;
    for (const warehouseId of byWarehouse.keys()) {
      const warehouse = warehouseById.get(warehouseId)!;
      const carrier = rng.weighted({ sf: 30, 'jd-logistics': 25, zto: 20, yto: 15, ems: 10 });
      let trackingNumber = TRACKING_FORMATS[carrier](rng);
      while (usedTracking.has(trackingNumber)) trackingNumber = TRACKING_FORMATS[carrier](rng);
      usedTracking.add(trackingNumber);
      const createdAt = new Date(timeline.allocatedAt.getTime() + rng.int(10, 110) * 60_000);
      const transitDays = 1 + Math.min(3, Math.floor(distanceKm(warehouse, city) / 600));
      const departAt = timeline.shippedAt ?? createdAt;
      const events = trackingEvents(rng, { order, timeline, createdAt, warehouse, city, now });
      const last = events[events.length - 1];
      shipments.push({
        id: rng.uuid(),
        orderId: order.id,
        customerId: order.customerId,
        channel: order.channel,
        warehouseId,
        carrier,
        trackingNumber,
        status: last.status,
        createdAt,
        estimatedDeliveryAt: new Date(departAt.getTime() + transitDays * DAY),
        deliveredAt: last.status === 'DELIVERED' ? last.at : null,
        events,
      });
    }
  }
  return { allocations, shipments };
}

function trackingEvents(
  rng: Random,
  ctx: { order: DemoOrder; timeline: Timeline; createdAt: Date; warehouse: DemoWarehouse; city: City; now: Date },
): DemoTrackingEvent[] {
  const { timeline, createdAt, warehouse, city, now } = ctx;
  const events: DemoTrackingEvent[] = [
    { at: createdAt, status: 'CREATED', location: warehouse.city, description: 'Shipping label created' },
  ];
  const shippedAt = timeline.shippedAt;
  if (!shippedAt) return events;
  events.push({ at: shippedAt, status: 'IN_TRANSIT', location: warehouse.city, description: 'Picked up by carrier' });
  const end = timeline.deliveredAt ?? timeline.returnedAt ?? now;
  // The sorting-centre scan comes within two days, before any delay is reported.
  const hub = new Date(shippedAt.getTime() + Math.min((end.getTime() - shippedAt.getTime()) * 0.45, 2 * DAY));
  if (hub < now)
    events.push({ at: hub, status: 'IN_TRANSIT', location: city.province, description: 'Arrived at sorting centre' });
  if (timeline.deliveredAt) {
    const out = new Date(timeline.deliveredAt.getTime() - rng.int(1, 6) * HOUR);
    events.push({ at: out, status: 'OUT_FOR_DELIVERY', location: city.city, description: 'Out for delivery' });
    events.push({
      at: timeline.deliveredAt,
      status: 'DELIVERED',
      location: city.city,
      description: 'Delivered, signed by recipient',
    });
  } else if (timeline.returnedAt) {
    // Refused at the door, so after the sorting-centre scan even on a short trip.
    const refused = new Date(Math.max(timeline.returnedAt.getTime() - rng.int(12, 48) * HOUR, hub.getTime() + HOUR));
    events.push({ at: refused, status: 'EXCEPTION', location: city.city, description: 'Recipient refused the parcel' });
    events.push({
      at: timeline.returnedAt,
      status: 'RETURNED',
      location: warehouse.city,
      description: 'Returned to sender',
    });
  } else if (now.getTime() - shippedAt.getTime() > 6 * DAY) {
    events.push({
      at: new Date(shippedAt.getTime() + 5 * DAY),
      status: 'EXCEPTION',
      location: city.province,
      description: 'Delayed: no scan for 48 hours',
    });
  }
  return events;
}
