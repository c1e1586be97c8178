import {
  EventTypes,
  nextAggregateVersion,
  type EventTransaction,
  type ReturnShipmentChanged,
  type ShipmentStatusName,
} from '@supply-graph/shared';
import type { ShipmentEntity } from '../shipment/shipment.entity';

/**
 * A return shipment was booked (`from` null, CREATED) or its status changed:
 * `return.shipment-changed`, with the return as its aggregate. Inventory marks
 * the return received when it says DELIVERED; orders shows it on the return.
 */
export async function announceReturnShipment(
  tx: EventTransaction,
  shipment: ShipmentEntity,
  from: ShipmentStatusName | null,
  at: Date,
): Promise<void> {
  if (!shipment.returnId) throw new Error(`shipment ${shipment.id} is a RETURN shipment without a return id`);
  const payload: ReturnShipmentChanged = {
    returnId: shipment.returnId,
    orderId: shipment.orderId,
    shipmentId: shipment.id,
    warehouseId: shipment.warehouseId,
    carrier: shipment.carrierCode,
    trackingNumber: shipment.trackingNumber,
    from,
    to: shipment.status as ShipmentStatusName,
    at: at.toISOString(),
  };
  await tx.emit({
    type: EventTypes.returnShipmentChanged,
    aggregateType: 'return',
    aggregateId: shipment.returnId,
    aggregateVersion: await nextAggregateVersion(tx.manager, 'return', shipment.returnId),
    payload,
  });
}
