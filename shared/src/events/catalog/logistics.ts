/** Logistics events: an order's shipments and their tracking status. */
import type { ShipmentStatusName } from '../../demo/dataset';

export const LogisticsEventTypes = {
  shipmentCreated: 'shipment.created',
  shipmentStatusChanged: 'shipment.status-changed',
} as const;

export interface ShipmentCreated {
  shipmentId: string;
  orderId: string;
  warehouseId: string;
  carrier: string;
  trackingNumber: string;
  estimatedDeliveryAt: string | null;
  /** How many shipments the order has in all, so the order can tell when all moved. */
  shipmentsInOrder: number;
}

export interface ShipmentStatusChanged {
  shipmentId: string;
  orderId: string;
  warehouseId: string;
  from: ShipmentStatusName | null;
  to: ShipmentStatusName;
  at: string;
}
