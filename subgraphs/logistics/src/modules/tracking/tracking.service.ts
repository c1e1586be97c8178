import {
  AppError,
  EventTypes,
  auditTarget,
  badUserInput,
  type EventTransaction,
  type ShipmentStatusChanged,
  type ShipmentStatusName,
  nextAggregateVersion,
} from '@supply-graph/shared';
import { recordDelivery } from '../carrier-performance/carrier-outcome.service';
import type { EntityManager } from 'typeorm';
import type { LogisticsContext } from '../../context';
import { normalizeCarrierCode } from '../carrier/carrier.service';
import { clearExceptionAlert, raiseExceptionAlert } from '../exceptions/exception-alert';
import { assertShipmentWritable } from '../shipment/shipment-access';
import { announceReturnShipment } from '../returns/return-shipment-events';
import { ShipmentDirection } from '../shipment/shipment-direction.type';
import { ShipmentEntity } from '../shipment/shipment.entity';
import { toShipment } from '../shipment/shipment.service';
import type { Shipment } from '../shipment/shipment.type';
import type { TrackingEventInput } from './tracking-event.input';
import type { TrackingEvent } from './tracking-event.type';

/** Carrier clocks drift; a scan further ahead of ours than this is a bad payload, not a scan. */
export const MAX_FUTURE_SKEW_MS = 60 * 60 * 1000;

/**
 * The shipment's status from all of its scans, whatever order they arrived in
 * and whatever their clocks say: the furthest step any scan reached
 * (CREATED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED < RETURNED), so a late
 * or stale scan is recorded but never moves a shipment back. EXCEPTION is
 * not a step: it holds while the latest scan (by scan time) is an EXCEPTION
 * and nothing was delivered or returned. deliveredAt is the latest DELIVERED
 * scan, never earlier than the label (a carrier clock behind ours), so it is
 * set exactly when a DELIVERED scan exists, and stays after a RETURNED one.
 */
const RECOMPUTE_STATUS = `
  UPDATE shipment s
  SET status = COALESCE(
        CASE WHEN scans.returned THEN 'RETURNED'
             WHEN scans.delivered IS NOT NULL THEN 'DELIVERED'
             WHEN scans.latest = 'EXCEPTION' THEN 'EXCEPTION' END,
        scans.furthest, s.status),
      -- greatest() skips NULLs: without a DELIVERED scan the column keeps what it had.
      delivered_at = CASE WHEN scans.delivered IS NULL THEN s.delivered_at ELSE greatest(scans.delivered,
        s.created_at) END
  FROM (
    SELECT bool_or(status = 'RETURNED') AS returned,
           max(at) FILTER (WHERE status = 'DELIVERED') AS delivered,
           (array_agg(status ORDER BY at DESC, id DESC))[1] AS latest,
           (array_agg(status ORDER BY array_position(ARRAY['CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'], status) DESC)
              FILTER (WHERE status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY')))[1] AS furthest
    FROM tracking_event WHERE shipment_id = $1
  ) scans
  WHERE s.id = $1`;

export const trackingService = {
  /** A shipment's scans, oldest first. */
  async events(ctx: LogisticsContext, shipmentId: string): Promise<TrackingEvent[]> {
    const rows = await ctx.loaders.eventsByShipmentId.load(shipmentId);
    return rows.map((row) => ({
      at: row.at,
      status: row.status,
      location: row.location,
      description: row.description,
    }));
  },

  /**
   * Records one carrier scan and returns the shipment as it now stands.
   * Repeat-safe: the same (shipment, at, status) stores one event, so a webhook
   * retried by the carrier changes nothing. The shipment row is locked first so
   * concurrent scans of one parcel apply one after the other. FORBIDDEN, with
   * nothing stored, for a shipment outside a channel-scoped caller's channels.
   */
  async record(ctx: LogisticsContext, input: TrackingEventInput, now: Date = new Date()): Promise<Shipment> {
    if (input.at.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS) {
      const latest = new Date(now.getTime() + MAX_FUTURE_SKEW_MS).toISOString();
      throw badUserInput('"at" is more than one hour in the future', [
        { field: 'input.at', message: `${input.at.toISOString()} is later than ${latest}` },
      ]);
    }
    const carrier = normalizeCarrierCode(input.carrier);
    const trackingNumber = input.trackingNumber.trim();

    const row = await ctx.events.transaction(async (tx) => {
      const m = tx.manager;
      const locked = (await m.query(
        'SELECT id, status, channel FROM shipment WHERE carrier_code = $1 AND tracking_number = $2 FOR UPDATE',
        [carrier, trackingNumber],
      )) as { id: string; status: ShipmentStatusName; channel: string | null }[];
      if (!locked.length) throw await unknownShipment(m, carrier, trackingNumber);
      const shipmentId = locked[0].id;
      auditTarget(ctx, 'Shipment', shipmentId, locked[0].channel);
      // Before anything is written: a refused scan leaves no trace.
      assertShipmentWritable(ctx.principal, locked[0].channel);
      const inserted = (await m.query(
        `INSERT INTO tracking_event (shipment_id, at, status, location, description)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (shipment_id, at, status) DO NOTHING
         RETURNING id`,
        [shipmentId, input.at, input.status, input.location ?? null, input.description ?? null],
      )) as { id: string }[];
      // A duplicate scan changed nothing, so there is nothing to recompute.
      if (!inserted.length) return m.getRepository(ShipmentEntity).findOneByOrFail({ id: shipmentId });
      return applyScans(tx, shipmentId, locked[0].status, input.at);
    });

    // Loaders of this request may already hold the old row or event list.
    ctx.loaders.shipmentById.clear(row.id).prime(row.id, row);
    ctx.loaders.eventsByShipmentId.clear(row.id);
    return toShipment(row);
  },
};

/**
 * After a scan was stored: sets the shipment's status from its scans (see
 * RECOMPUTE_STATUS) and, when it changed, announces `shipment.status-changed`
 * in the same transaction, at the scan's time but not before the label; a
 * shipment that became an EXCEPTION also raises the desk's alert, and one that
 * left EXCEPTION clears it. The caller holds the shipment's row lock (FOR UPDATE) and passes the status it
 * saw under that lock. Also used by the exception scan for its synthetic scans.
 */
export async function applyScans(
  tx: EventTransaction,
  shipmentId: string,
  from: ShipmentStatusName,
  at: Date,
): Promise<ShipmentEntity> {
  await tx.manager.query(RECOMPUTE_STATUS, [shipmentId]);
  const updated = await tx.manager.getRepository(ShipmentEntity).findOneByOrFail({ id: shipmentId });
  if (updated.status === from) return updated;
  const changedAt = new Date(Math.max(at.getTime(), updated.createdAt.getTime()));
  await announceStatus(tx, updated, from, changedAt);
  if (updated.status === 'EXCEPTION') await raiseExceptionAlert(tx, updated, changedAt);
  else if (from === 'EXCEPTION') await clearExceptionAlert(tx, updated, changedAt);
  // The carrier's on-time record learns of each delivery once (an outcome per shipment; a later scan may move it).
  if (updated.status === 'DELIVERED') await recordDelivery(tx, shipmentId);
  return updated;
}

async function unknownShipment(m: EntityManager, carrier: string, trackingNumber: string): Promise<AppError> {
  const known = (await m.query('SELECT 1 FROM carrier WHERE code = $1', [carrier])) as unknown[];
  return known.length
    ? new AppError('NOT_FOUND', `Carrier "${carrier}" has no shipment with tracking number "${trackingNumber}"`, {
        carrier,
        trackingNumber,
      })
    : new AppError('NOT_FOUND', `Carrier "${carrier}" does not exist`, { carrier });
}

/**
 * The order (and inventory) follow shipments through this event; the shipment is its aggregate. A return
 * shipment's change goes out as `return.shipment-changed` instead: it must never move the order's own fulfilment.
 */
async function announceStatus(
  tx: EventTransaction,
  shipment: ShipmentEntity,
  from: ShipmentStatusName,
  at: Date,
): Promise<void> {
  if (shipment.direction === ShipmentDirection.RETURN) {
    await announceReturnShipment(tx, shipment, from, at);
    return;
  }
  // shipment.created went out as version 1 when the shipment was planned.
  const version = await nextAggregateVersion(tx.manager, 'shipment', shipment.id, 2);
  const payload: ShipmentStatusChanged = {
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    warehouseId: shipment.warehouseId,
    from,
    to: shipment.status as ShipmentStatusName,
    at: at.toISOString(),
  };
  await tx.emit({
    type: EventTypes.shipmentStatusChanged,
    aggregateType: 'shipment',
    aggregateId: shipment.id,
    aggregateVersion: version,
    payload,
  });
}
