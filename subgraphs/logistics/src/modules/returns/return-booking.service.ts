import { randomUUID } from 'node:crypto';
import { distanceKm, insertRow, locate, type EventTransaction, type ReturnRouted } from '@supply-graph/shared';
import type { CarrierSelectionStrategy } from '../planning/carrier-selection.strategy';
import type { ShipmentInsert } from '../planning/shipment-planning.service';
import { ShipmentDirection } from '../shipment/shipment-direction.type';
import { ShipmentEntity } from '../shipment/shipment.entity';
import { ShipmentStatus } from '../shipment/shipment-status.type';
import { announceReturnShipment } from './return-shipment-events';

const DAY = 86_400_000;
const RETURN_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '.return:' || $1, 0))";

/**
 * Books the parcel of a routed return: a RETURN shipment from the buyer's
 * city to the chosen warehouse, with the carrier the same strategy as
 * outbound parcels picks for that lane (customer -> warehouse distance,
 * units returned), a tracking number, an ETA and a CREATED scan, and
 * `return.shipment-changed` (CREATED) in the caller's transaction. It never
 * sends `shipment.created`: that would count as a parcel of the order.
 * Repeat-safe, also when deliveries overlap: a return that has its shipment gets no second one.
 *
 * @returns whether a shipment was booked
 */
export async function bookReturnShipment(
  tx: EventTransaction,
  routed: ReturnRouted,
  strategy: CarrierSelectionStrategy,
): Promise<boolean> {
  // Deliveries of one return take turns (a redelivery can overlap the first): the second finds the first's shipment.
  await tx.manager.query(RETURN_LOCK_SQL, [routed.returnId]);
  const existing = await tx.manager.query('SELECT 1 FROM shipment WHERE return_id = $1', [routed.returnId]);
  if (existing.length) return false;
  const origin = locate(routed.shipFrom);
  const km = origin ? distanceKm(origin, routed.warehouse) : null;
  const units = routed.lines.reduce((sum, l) => sum + l.quantity, 0);
  const choice = strategy.choose(km, units);
  const id = randomUUID();
  const now = new Date();
  await insertRow<ShipmentInsert>(tx.manager, 'shipment', {
    id,
    order_id: routed.orderId,
    customer_id: routed.customerId ?? null,
    warehouse_id: routed.warehouse.id,
    carrier_code: choice.carrier,
    tracking_number: strategy.trackingNumber(choice.carrier),
    status: ShipmentStatus.CREATED,
    created_at: now,
    estimated_delivery_at: new Date(now.getTime() + choice.transitDays * DAY),
    distance_km: km,
    units,
    channel: routed.channel,
    direction: ShipmentDirection.RETURN,
    return_id: routed.returnId,
  });
  await tx.manager.query(
    `INSERT INTO tracking_event (shipment_id, at, status, location, description) VALUES ($1, $2, 'CREATED', $3, $4)`,
    [id, now, routed.shipFrom.city, `Return label created to ${routed.warehouse.code} (${choice.reason})`],
  );
  const shipment = await tx.manager.getRepository(ShipmentEntity).findOneByOrFail({ id });
  await announceReturnShipment(tx, shipment, null, now);
  return true;
}
