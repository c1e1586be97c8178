import {
  EventTypes,
  type ConsumerDefinition,
  type ReturnAuthorised,
  type ReturnShipmentChanged,
} from '@supply-graph/shared';
import { markReceived } from './return-receive.service';
import { routeReturn } from './return-route.service';
import type { ReturnRoutingStrategy } from './return-routing-strategy';

/**
 * Inventory's part of a return: pick the warehouse that receives it, and
 * mark it received when the carrier delivers the parcel there. Both are
 * repeat-safe: a second delivery finds the receipt already written or moved
 * on and changes nothing.
 */
export function returnsConsumers(strategy: ReturnRoutingStrategy): ConsumerDefinition[] {
  return [
    {
      consumer: 'inventory.route-return',
      types: [EventTypes.returnAuthorised],
      handle: async (event, tx) => void (await routeReturn(tx, event.payload as ReturnAuthorised, strategy)),
    },
    {
      consumer: 'inventory.receive-return',
      types: [EventTypes.returnShipmentChanged],
      async handle(event, tx) {
        const change = event.payload as ReturnShipmentChanged;
        if (change.to !== 'DELIVERED') return;
        const known = await tx.manager.query('SELECT 1 FROM return_receipt WHERE return_id = $1', [change.returnId]);
        // Logistics books a return shipment only for a routed return: a delivery of an unknown one is a fault to see.
        if (!known.length)
          throw new Error(`return shipment delivered for return ${change.returnId}, which has no receipt`);
        await markReceived(tx, change.returnId, new Date(change.at));
      },
    },
  ];
}
