import {
  EventTypes,
  type ConsumerDefinition,
  type OrderCancelled,
  type OrderPlaced,
  type ShipmentStatusChanged,
} from '@supply-graph/shared';
import { allocateBackorders, releaseForOrder, shipAllocations } from './release.service';
import { reannounce } from './reannounce.service';
import { lockOrder, reserveForOrder } from './reservation.service';
import type { InventoryStrategies } from '../../strategies';

const HANDED_OVER = new Set(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);

/** Inventory's reactions to order and shipment events, routing with the strategy the subgraph was composed with. */
export function reservationConsumers(strategies: InventoryStrategies): ConsumerDefinition[] {
  return [
    {
      consumer: 'inventory.allocate',
      types: [EventTypes.orderPlaced, EventTypes.orderReleased],
      // A reservation locks its products; batched, those locks would be held until
      // the batch's last order and the parallel allocators would queue behind them.
      batch: false,
      async handle(event, tx) {
        const order = event.payload as OrderPlaced;
        if (event.type === EventTypes.orderPlaced && order.held) return;
        // Before reannounce reads what the order has: a placement and a release handled together see each other.
        await lockOrder(tx, order.orderId);
        if (event.type === EventTypes.orderReleased && (await reannounce(tx, order))) return;
        await reserveForOrder(tx, order, strategies);
      },
    },
    {
      consumer: 'inventory.release',
      types: [EventTypes.orderCancelled],
      // The demand history keeps a cancelled order's units: it was demand when it came in, and forecasts and the
      // stockout rate are about what buyers asked for (planning/demand).
      async handle(event, tx) {
        const { orderId, reason } = event.payload as OrderCancelled;
        await releaseForOrder(tx, orderId, reason ?? 'order cancelled', strategies);
      },
    },
    {
      consumer: 'inventory.ship',
      types: [EventTypes.shipmentStatusChanged],
      async handle(event, tx) {
        const change = event.payload as ShipmentStatusChanged;
        if (HANDED_OVER.has(change.to)) await shipAllocations(tx, change.orderId, change.warehouseId, strategies);
      },
    },
  ];
}

export { allocateBackorders };
