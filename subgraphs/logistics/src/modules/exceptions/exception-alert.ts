import { EventTypes, type AlertRaised, type EventTransaction } from '@supply-graph/shared';
import type { ShipmentEntity } from '../shipment/shipment.entity';

/**
 * Tells the desk that a shipment became an EXCEPTION (a carrier's EXCEPTION
 * scan, or the exception scan's synthetic one), in the transaction of the
 * status change: one alert per occurrence (key: shipment and the time it
 * became one), so a parcel that recovers and fails again opens a new work item.
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
  await tx.emit({
    type: EventTypes.alertRaised,
    aggregateType: 'alert',
    aggregateId: alert.alertKey,
    aggregateVersion: 1,
    payload: alert,
  });
}
