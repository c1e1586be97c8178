import {
  EventTypes,
  type ConsumerDefinition,
  type ShipmentCreated,
  type ShipmentStatusChanged,
  type StockBackordered,
  type StockReserved,
} from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';
import { followShipment, moveIfAllowed, recordShipment } from './fulfilment.service';

/** How orders follow inventory and logistics: the order's status is the sum of their events. */
export function fulfilmentConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.stock',
      types: [EventTypes.stockReserved, EventTypes.stockBackordered],
      async handle(event, tx) {
        if (event.type === EventTypes.stockReserved) {
          const { orderId, routing } = event.payload as StockReserved;
          await moveIfAllowed(tx, orderId, OrderStatus.ALLOCATED, `stock reserved: ${routing}`);
        } else {
          const { orderId, missing } = event.payload as StockBackordered;
          const short = missing.map((m) => `${m.sku} x${m.quantity}`).join(', ');
          await moveIfAllowed(tx, orderId, OrderStatus.BACKORDERED, `waiting for stock: ${short}`);
        }
      },
    },
    {
      consumer: 'orders.shipments',
      types: [EventTypes.shipmentCreated, EventTypes.shipmentStatusChanged],
      async handle(event, tx) {
        if (event.type === EventTypes.shipmentCreated) await recordShipment(tx, event.payload as ShipmentCreated);
        else await followShipment(tx, event.payload as ShipmentStatusChanged);
      },
    },
  ];
}
