import { EventTypes, type ConsumerDefinition, type OrderCancelled, type StockReserved } from '@supply-graph/shared';
import type { CarrierRecordCache } from '../carrier-performance/punctuality';
import type { CarrierSelectionStrategy } from './carrier-selection.strategy';
import { planShipments, voidShipments } from './shipment-planning.service';

/** Logistics' reactions: plan shipments once stock is reserved, void labels of cancelled orders. */
export function planningConsumers(
  strategy: CarrierSelectionStrategy,
  records: CarrierRecordCache,
): ConsumerDefinition[] {
  return [
    {
      consumer: 'logistics.plan-shipments',
      types: [EventTypes.stockReserved],
      handle: async (event, tx) =>
        void (await planShipments(tx, event.payload as StockReserved, strategy, await records.punctuality(tx.manager))),
    },
    {
      consumer: 'logistics.void-shipments',
      types: [EventTypes.orderCancelled],
      handle: async (event, tx) => void (await voidShipments(tx, (event.payload as OrderCancelled).orderId)),
    },
  ];
}
