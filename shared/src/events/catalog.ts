/**
 * The event catalogue: every event that crosses a subgraph boundary, with its
 * payload. Producers and consumers import these names and types, never each
 * other's code. Add fields; never rename or change the meaning of one.
 *
 * One file a domain under catalog/; this file is the catalogue's only entry,
 * so it re-exports their types by name (the per-domain name tables stay
 * private: `EventTypes` is the one list of names).
 */
import { CustomerEventTypes } from './catalog/customers';
import { DeskAndReturnEventTypes } from './catalog/desk-and-returns';
import { InventoryEventTypes } from './catalog/inventory';
import { LogisticsEventTypes } from './catalog/logistics';
import { OrderEventTypes } from './catalog/orders';
import { PlatformEventTypes } from './catalog/platform';

export type { BuyerIdentificationRequested, BuyerIdentified, OrderBuyer } from './catalog/customers';
export type {
  AlertCleared,
  AlertRaised,
  ReturnAuthorised,
  ReturnInspected,
  ReturnLinePayload,
  ReturnReceived,
  ReturnRefunded,
  ReturnRouted,
  ReturnShipmentChanged,
  SubjectRef,
  WorkItemChanged,
  WorkItemResolved,
} from './catalog/desk-and-returns';
export type {
  AllocationPayload,
  PackagePayload,
  ProductCatalogued,
  ProductCatalogueRequested,
  StockBackordered,
  StockReleased,
  StockReserved,
} from './catalog/inventory';
export type { ShipmentCreated, ShipmentStatusChanged } from './catalog/logistics';
export type {
  AddressPayload,
  OrderCancelled,
  OrderLinePayload,
  OrderPlaced,
  OrderReleased,
  OrderStatusChanged,
} from './catalog/orders';
export type {
  ApiClientChanged,
  AuditRecorded,
  ConsumerEventParked,
  ConsumerEventRetried,
  ConsumerRetryRequested,
  EntityChanged,
} from './catalog/platform';

export const EventTypes = {
  ...OrderEventTypes,
  ...CustomerEventTypes,
  ...InventoryEventTypes,
  ...LogisticsEventTypes,
  ...DeskAndReturnEventTypes,
  ...PlatformEventTypes,
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];
