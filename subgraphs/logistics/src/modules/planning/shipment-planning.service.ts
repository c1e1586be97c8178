import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  affectedRows,
  distanceKm,
  insertRow,
  locate,
  type EventTransaction,
  type PackagePayload,
  type ShipmentCreated,
  type StockReserved,
} from '@supply-graph/shared';
import { ShipmentStatus } from '../shipment/shipment-status.type';
import type { Punctuality } from '../carrier-performance/punctuality';
import type { CarrierSelectionStrategy } from './carrier-selection.strategy';

const DAY = 86_400_000;

/** The columns of `shipment` a planned shipment sets; the optional ones are nullable. */
export interface ShipmentInsert {
  id: string;
  order_id: string;
  customer_id: string | null;
  warehouse_id: string;
  carrier_code: string;
  tracking_number: string;
  status: ShipmentStatus;
  created_at: Date;
  estimated_delivery_at: Date | null;
  distance_km?: number | null;
  units?: number | null;
  channel: string | null;
  /** OUTBOUND unless given (the column's default). */
  direction?: 'OUTBOUND' | 'RETURN';
  return_id?: string | null;
  /** Gross weight of its packages; null when inventory sent none. */
  weight_grams?: number | null;
}

/**
 * One shipment per warehouse of a reserved order, each with the carrier the
 * strategy picks for that lane, a tracking number, an ETA, a CREATED scan and
 * the order's channel, and the packages inventory packed its units into
 * (their gross weight is the shipment's). Carriers are chosen with their
 * observed punctuality when given (read once per run by the caller).
 * Repeat-safe: an order that already has shipments gets none added.
 */
export async function planShipments(
  tx: EventTransaction,
  reserved: StockReserved,
  strategy: CarrierSelectionStrategy,
  punctuality?: Punctuality,
): Promise<number> {
  const existing = await tx.manager.query(
    "SELECT 1 FROM shipment WHERE order_id = $1 AND direction = 'OUTBOUND' LIMIT 1",
    [reserved.orderId],
  );
  if (existing.length) return 0;
  const destination = locate(reserved.shippingAddress);
  const byWarehouse = new Map<string, number>();
  for (const a of reserved.allocations)
    byWarehouse.set(a.warehouseId, (byWarehouse.get(a.warehouseId) ?? 0) + a.quantity);
  const now = new Date();
  for (const [warehouseId, units] of byWarehouse) {
    const site = reserved.warehouses.find((w) => w.id === warehouseId);
    const km = site && destination ? distanceKm(site, destination) : null;
    const choice = strategy.choose(km, units, punctuality);
    const packages = (reserved.packages ?? []).filter((p) => p.warehouseId === warehouseId);
    const shipmentId = randomUUID();
    const trackingNumber = strategy.trackingNumber(choice.carrier);
    const eta = new Date(now.getTime() + choice.transitDays * DAY);
    await insertRow<ShipmentInsert>(tx.manager, 'shipment', {
      id: shipmentId,
      order_id: reserved.orderId,
      customer_id: reserved.customerId,
      warehouse_id: warehouseId,
      carrier_code: choice.carrier,
      tracking_number: trackingNumber,
      status: ShipmentStatus.CREATED,
      created_at: now,
      estimated_delivery_at: eta,
      // Distance and units are kept for the carbon estimate: logistics owns neither addresses nor products.
      distance_km: km,
      units,
      // The channel scopes the shipment to its channel's callers; an event from before it was sent leaves it NULL.
      channel: reserved.channel ?? null,
      weight_grams: packages.length ? packages.reduce((sum, p) => sum + p.weightGrams, 0) : null,
    });
    await storePackages(tx, shipmentId, packages);
    await tx.manager.query(
      `INSERT INTO tracking_event (shipment_id, at, status, location, description) VALUES ($1, $2, 'CREATED', $3, $4)`,
      [shipmentId, now, site?.city ?? null, `Shipping label created (${choice.reason})`],
    );
    const payload: ShipmentCreated = {
      shipmentId,
      orderId: reserved.orderId,
      warehouseId,
      carrier: choice.carrier,
      trackingNumber,
      estimatedDeliveryAt: eta.toISOString(),
      shipmentsInOrder: byWarehouse.size,
    };
    await tx.emit({
      type: EventTypes.shipmentCreated,
      aggregateType: 'shipment',
      aggregateId: shipmentId,
      aggregateVersion: 1,
      payload,
    });
  }
  return byWarehouse.size;
}

/** The shipment's packages, as inventory packed them. */
async function storePackages(tx: EventTransaction, shipmentId: string, packages: PackagePayload[]): Promise<void> {
  if (!packages.length) return;
  await tx.manager.query(
    `INSERT INTO shipment_package (shipment_id, package_no, box_code, length_mm, width_mm, height_mm, items_volume_cm3,
       box_volume_cm3, default_box_volume_cm3, weight_grams, assumed_dimensions, items)
     SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS p("packageNo" int, "boxCode" text, "lengthMm" int,
       "widthMm" int, "heightMm" int, "itemsVolumeCm3" float8, "boxVolumeCm3" float8, "defaultBoxVolumeCm3" float8,
       "weightGrams" int, "assumedDimensions" boolean, items jsonb)`,
    [shipmentId, JSON.stringify(packages)],
  );
}

/**
 * A cancelled order's labels that never reached a carrier are voided (deleted with their CREATED scan). A return's
 * label is the buyer's to use: cancelling the order does not void it.
 */
export async function voidShipments(tx: EventTransaction, orderId: string): Promise<number> {
  return affectedRows(
    await tx.manager.query(
      "DELETE FROM shipment WHERE order_id = $1 AND status = 'CREATED' AND direction = 'OUTBOUND'",
      [orderId],
    ),
  );
}
