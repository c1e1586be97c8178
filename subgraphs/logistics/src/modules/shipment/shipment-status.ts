import { registerEnumType } from 'type-graphql';

/**
 * Where a shipment is. A shipment's status is always the status of its latest
 * tracking event (by the carrier's scan time), so there is no transition table:
 * the carrier's clock decides, and a late, older scan never moves it back.
 */
export enum ShipmentStatus {
  CREATED = 'CREATED',
  IN_TRANSIT = 'IN_TRANSIT',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  EXCEPTION = 'EXCEPTION',
  RETURNED = 'RETURNED',
}

registerEnumType(ShipmentStatus, {
  name: 'ShipmentStatus',
  description: 'Where a shipment is, as its latest carrier scan says.',
});
