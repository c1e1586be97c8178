import { EventTypes, type ConsumerDefinition, type OrderStatusChanged } from '@supply-graph/shared';
import type { InventoryStrategies } from '../../strategies';
import { returnForOrder } from './return.service';

/** Inventory's reaction to an order coming back: its shipped units return to stock. */
export function ledgerConsumers(strategies: InventoryStrategies): ConsumerDefinition[] {
  return [
    {
      consumer: 'inventory.return',
      types: [EventTypes.orderStatusChanged],
      async handle(event, tx) {
        const change = event.payload as OrderStatusChanged;
        if (change.to !== 'RETURNED') return;
        await returnForOrder(
          tx,
          change.orderId,
          `order ${change.orderId} returned${change.reason ? `: ${change.reason}` : ''}`,
          strategies,
        );
      },
    },
  ];
}
