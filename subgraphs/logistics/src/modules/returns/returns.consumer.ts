import { EventTypes, type ConsumerDefinition, type ReturnRouted } from '@supply-graph/shared';
import type { CarrierSelectionStrategy } from '../planning/carrier-selection.strategy';
import { bookReturnShipment } from './return-booking.service';

/** Logistics' part of a return: book the parcel back to the warehouse inventory chose. */
export function returnsConsumers(strategy: CarrierSelectionStrategy): ConsumerDefinition[] {
  return [
    {
      consumer: 'logistics.book-return-shipment',
      types: [EventTypes.returnRouted],
      handle: async (event, tx) => void (await bookReturnShipment(tx, event.payload as ReturnRouted, strategy)),
    },
  ];
}
