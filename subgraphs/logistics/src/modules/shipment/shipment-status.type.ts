import { registerEnumType } from 'type-graphql';

/**
 * Where a shipment is. Carriers' scans arrive late, twice or out of order, and
 * their clocks drift, so the status is not "the last scan": it is the furthest
 * step any scan reached (CREATED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED <
 * RETURNED), and EXCEPTION while the newest scan is one and nothing was
 * delivered or returned. A stale scan is recorded but never moves it back.
 * (Rule applied in tracking.service.ts, RECOMPUTE_STATUS.)
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
  description:
    'Where a shipment is: the furthest step any carrier scan reached (CREATED < IN_TRANSIT < OUT_FOR_DELIVERY < ' +
    'DELIVERED ' +
    '< RETURNED), whatever order the scans arrived in; EXCEPTION while the newest scan is an exception and nothing ' +
    'was delivered or returned.',
});
