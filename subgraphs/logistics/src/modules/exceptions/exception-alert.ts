import {
  type AlertCleared,
  type AlertRaised,
  type EventTransaction,
  alertRaisedEvent,
  alertClearedEvent,
} from '@supply-graph/shared';
import type { ShipmentEntity } from '../shipment/shipment.entity';

/**
 * Tells the desk that a shipment became an EXCEPTION (a carrier's EXCEPTION
 * scan, or the exception scan's synthetic one), in the transaction of the
 * status change: one alert per occurrence (key: shipment and the time it
 * became one), so a parcel that recovers and fails again opens a new work item.
 * The key is kept on the shipment until it leaves EXCEPTION ({@link clearExceptionAlert}).
 * Carrier, order and channel ride along so the outcome can be held against
 * the carrier; no personal data (the scan's free text is left out).
 */
export async function raiseExceptionAlert(tx: EventTransaction, shipment: ShipmentEntity, at: Date): Promise<void> {
  const alert: AlertRaised = {
    alertKey: `logistics:EXCEPTION:${shipment.id}:${at.toISOString()}`,
    source: 'logistics',
    kind: 'LOGISTICS_EXCEPTION',
    subject: { type: 'Shipment', id: shipment.id },
    orderId: shipment.orderId,
    channel: shipment.channel,
    carrier: shipment.carrierCode,
    summary: `Shipment ${shipment.carrierCode} ${shipment.trackingNumber} is an exception`,
    raisedAt: at.toISOString(),
    detail: { carrier: shipment.carrierCode, trackingNumber: shipment.trackingNumber, exceptionAt: at.toISOString() },
  };
  await tx.emit(alertRaisedEvent(alert));
  await tx.manager.query('UPDATE shipment SET open_alert_key = $2 WHERE id = $1', [shipment.id, alert.alertKey]);
}

/**
 * The shipment is no longer an EXCEPTION (delivered after all, or moving again): its alert no longer holds, so the
 * desk closes the work item AUTO_CLEARED, as it does for stock alerts that clear. An operator's earlier resolution
 * stands (the desk ignores a clear of a resolved item). The delivery still counts for the carrier's on-time record
 * (late if after the ETA); the fault record is left to items an operator resolved with a cause.
 */
export async function clearExceptionAlert(tx: EventTransaction, shipment: ShipmentEntity, at: Date): Promise<void> {
  // The caller holds the shipment's row lock: nothing changes the key between these two statements.
  const [row] = (await tx.manager.query('SELECT open_alert_key AS key FROM shipment WHERE id = $1', [shipment.id])) as {
    key: string | null;
  }[];
  if (!row?.key) return;
  await tx.manager.query('UPDATE shipment SET open_alert_key = NULL WHERE id = $1', [shipment.id]);
  const payload: AlertCleared = {
    alertKey: row.key,
    source: 'logistics',
    at: at.toISOString(),
    reason: `Shipment ${shipment.carrierCode} ${shipment.trackingNumber} is ${shipment.status} again`,
  };
  await tx.emit(alertClearedEvent(payload));
}
