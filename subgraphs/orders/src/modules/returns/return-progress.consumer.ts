import {
  EventTypes,
  type ConsumerDefinition,
  type EventTransaction,
  type ReturnInspected,
  type ReturnReceived,
  type ReturnRouted,
  type ReturnShipmentChanged,
} from '@supply-graph/shared';
import { ReturnStatus } from './return-status.machine';
import { moveReturn } from './return-transition';
import { settleInspection } from './settle-refund';

// The parcel is with the carrier from the first scan on; DELIVERED waits for inventory's `return.received`.
const MOVING = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'];

/**
 * How a return follows inventory and logistics. Repeat-safe twice over: the
 * inbox skips a redelivered event, and every step only moves the return
 * forward through the status table, so a late or repeated event (a transit
 * scan after the parcel was received) changes nothing.
 */
export function returnConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.returns',
      types: [
        EventTypes.returnRouted,
        EventTypes.returnShipmentChanged,
        EventTypes.returnReceived,
        EventTypes.returnInspected,
      ],
      async handle(event, tx) {
        switch (event.type) {
          case EventTypes.returnRouted:
            return routed(tx, event.payload as ReturnRouted);
          case EventTypes.returnShipmentChanged:
            return shipmentChanged(tx, event.payload as ReturnShipmentChanged);
          case EventTypes.returnReceived:
            return received(tx, event.payload as ReturnReceived);
          case EventTypes.returnInspected:
            await settleInspection(tx, event.payload as ReturnInspected);
            return;
          default:
            return;
        }
      },
    },
  ];
}

async function routed(tx: EventTransaction, routedTo: ReturnRouted): Promise<void> {
  await tx.manager.query('UPDATE order_return SET warehouse_id = $2 WHERE id = $1 AND warehouse_id IS NULL', [
    routedTo.returnId,
    routedTo.warehouse.id,
  ]);
}

async function shipmentChanged(tx: EventTransaction, change: ReturnShipmentChanged): Promise<void> {
  if (!MOVING.includes(change.to)) return;
  await moveReturn(
    tx,
    change.returnId,
    ReturnStatus.IN_TRANSIT,
    `return parcel ${change.to} (${change.carrier} ${change.trackingNumber})`,
    new Date(change.at),
  );
}

async function received(tx: EventTransaction, arrival: ReturnReceived): Promise<void> {
  const moved = await moveReturn(
    tx,
    arrival.returnId,
    ReturnStatus.RECEIVED,
    'received at the warehouse',
    new Date(arrival.at),
  );
  if (moved) {
    await tx.manager.query('UPDATE order_return SET warehouse_id = $2 WHERE id = $1', [
      arrival.returnId,
      arrival.warehouseId,
    ]);
  }
}
