/**
 * The event catalogue: every event that crosses a subgraph boundary, with its
 * payload. Producers and consumers import these names and types, never each
 * other's code. Add fields; never rename or change the meaning of one.
 */
import type { OrderStatusName, ShipmentStatusName } from '../demo/dataset';

export const EventTypes = {
  orderPlaced: 'order.placed',
  orderReleased: 'order.released',
  orderCancelled: 'order.cancelled',
  orderStatusChanged: 'order.status-changed',
  stockReserved: 'stock.reserved',
  stockBackordered: 'stock.backordered',
  stockReleased: 'stock.released',
  shipmentCreated: 'shipment.created',
  shipmentStatusChanged: 'shipment.status-changed',
  consumerEventParked: 'consumer.event-parked',
  consumerRetryRequested: 'consumer.retry-requested',
  consumerEventRetried: 'consumer.event-retried',
  apiClientChanged: 'access.api-client-changed',
  productCatalogued: 'product.catalogued',
  productCatalogueRequested: 'product.catalogue-requested',
  buyerIdentificationRequested: 'buyer.identification-requested',
  buyerIdentified: 'buyer.identified',
  auditRecorded: 'audit.recorded',
  entityChanged: 'entity.changed',
  alertRaised: 'alert.raised',
  alertCleared: 'alert.cleared',
  workItemChanged: 'work-item.changed',
  workItemResolved: 'work-item.resolved',
  returnAuthorised: 'return.authorised',
  returnRouted: 'return.routed',
  returnShipmentChanged: 'return.shipment-changed',
  returnReceived: 'return.received',
  returnInspected: 'return.inspected',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

export interface OrderLinePayload {
  lineNo: number;
  sku: string;
  quantity: number;
  /**
   * A presale line (default false): inventory fills it from presale stock
   * only, and a line without the flag never takes presale units.
   */
  presale?: boolean;
}

export interface AddressPayload {
  country: string;
  province: string | null;
  city: string | null;
}

/** An order was accepted; unless it is held, inventory reserves stock for it. */
export interface OrderPlaced {
  orderId: string;
  channel: string;
  customerId: string;
  placedAt: string;
  lines: OrderLinePayload[];
  shippingAddress: AddressPayload;
  /** Held orders (risk) wait for `order.released`. */
  held: boolean;
  /** What the buyer pays (decimal string, 2 decimals) and its currency; absent in events written before they were added. */
  total?: string;
  currency?: string;
  /** The buyer is a channel's guest (no identity sent): never scored or tiered as a person. */
  guest?: boolean;
}

/** An operator released a held order: allocate it now. Same shape as OrderPlaced. */
export type OrderReleased = OrderPlaced;

/** The order was cancelled: give back its reservations and stop its shipments. */
export interface OrderCancelled {
  orderId: string;
  reason: string | null;
}

export interface OrderStatusChanged {
  orderId: string;
  customerId: string;
  channel: string;
  from: OrderStatusName | null;
  to: OrderStatusName;
  version: number;
  at: string;
  reason: string | null;
}

export interface AllocationPayload {
  allocationId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
}

/** Every line of the order is reserved, in one or more warehouses. */
export interface StockReserved {
  orderId: string;
  customerId: string;
  /**
   * The order's channel (from `order.placed`), so logistics can keep its
   * shipments to the channel's callers. Absent in events emitted before it was
   * added (still in outboxes): their shipments get no channel, and a
   * channel-scoped caller never sees them.
   */
  channel?: string;
  shippingAddress: AddressPayload;
  allocations: AllocationPayload[];
  /** The warehouses used, with their positions, so logistics can plan without asking. */
  warehouses: { id: string; code: string; city: string; latitude: number; longitude: number }[];
  /** Why these warehouses: the routing strategy's explanation, for operators. */
  routing: string;
  /**
   * The parcels inventory packed the order into, per warehouse (smallest box that holds them, from the warehouse's
   * box catalogue). Absent in events from before packing, or from a warehouse without a catalogue.
   */
  packages?: PackagePayload[];
}

/** One parcel of a reserved order: its box, size, gross weight and contents. Volumes are cm3. */
export interface PackagePayload {
  warehouseId: string;
  /** 1, 2, ... within the order's parcels from that warehouse. */
  packageNo: number;
  /** The box's code in the warehouse's catalogue; null: a unit no box holds, shipped in its own packaging. */
  boxCode: string | null;
  /** Outer size of the parcel: the box's inner dimensions (mm), or the unit's own for one without a box. */
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  itemsVolumeCm3: number;
  boxVolumeCm3: number;
  /** What the warehouse's default box(es) would have taken for the same items (the void-fill comparison). */
  defaultBoxVolumeCm3: number;
  /** Items plus the box's tare. */
  weightGrams: number;
  /** Some product had no dimensions and was packed with the default size. */
  assumedDimensions: boolean;
  items: { sku: string; quantity: number }[];
}

/** Not every line could be reserved; the order waits for stock (oldest first). */
export interface StockBackordered {
  orderId: string;
  missing: { sku: string; quantity: number }[];
  /** Why, for operators: short stock, or the channel quota that holds the order back. */
  reason?: string;
}

export interface StockReleased {
  orderId: string;
  allocations: AllocationPayload[];
}

export interface ShipmentCreated {
  shipmentId: string;
  orderId: string;
  warehouseId: string;
  carrier: string;
  trackingNumber: string;
  estimatedDeliveryAt: string | null;
  /** How many shipments the order has in all, so the order can tell when all moved. */
  shipmentsInOrder: number;
}

export interface ShipmentStatusChanged {
  shipmentId: string;
  orderId: string;
  warehouseId: string;
  from: ShipmentStatusName | null;
  to: ShipmentStatusName;
  at: string;
}

/**
 * A consumer gave up on an event after EVENT_MAX_ATTEMPTS failures: the event
 * is parked (dead letter) in the consumer's service and counted as handled
 * there, so later events flow. Orders lists it for operators and holds the
 * order it concerns. Aggregate: `parked-event` / `<service>/<consumer>/<eventId>`.
 */
export interface ConsumerEventParked {
  /** The service whose consumer parked the event (and that can retry it). */
  service: string;
  consumer: string;
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  /** The order the event concerns (its aggregate, or `orderId` in its payload), if any. */
  orderId: string | null;
  /** The last failure's message. */
  error: string;
  attempts: number;
  parkedAt: string;
}

/** An operator asked the owning service to run a parked event's handler again. */
export interface ConsumerRetryRequested {
  service: string;
  consumer: string;
  eventId: string;
}

/** The outcome of a requested retry: handled now (ok), or failed again with `error`. */
export interface ConsumerEventRetried {
  service: string;
  consumer: string;
  eventId: string;
  ok: boolean;
  error: string | null;
  at: string;
}

/**
 * Inventory created or changed a product (or announced one it already had):
 * orders keeps its own copy of the catalogue from these, so intake checks
 * SKUs without asking inventory. Aggregate: the product, keyed by SKU.
 */
export interface ProductCatalogued {
  sku: string;
  name: string;
  /** A discontinued product can no longer be ordered; its stock and history stay. */
  discontinued: boolean;
  /** Grows with every change of the product; a copy keeps the highest it has seen, so a late repeat changes nothing. */
  version: number;
}

/**
 * A copy of the catalogue is empty (a new database, or announcements that
 * were published before its consumer listened): inventory announces every
 * product again, each as `product.catalogued` with its current version.
 */
export interface ProductCatalogueRequested {
  /** The service whose copy is empty, for the logs. */
  requestedBy: string;
}

/**
 * Orders accepted an order while customers could not identify its buyer in
 * time: customers identifies the golden customer (the `identifyBuyer` rule,
 * repeat-safe) and answers with `buyer.identified`. Aggregate: the order.
 */
export interface BuyerIdentificationRequested {
  orderId: string;
  channel: string;
  buyer: {
    name: string;
    email: string | null;
    /** E.164 */
    phone: string | null;
    channelBuyerId: string | null;
    /** The channel's guest (the order named no buyer): identified by its guest identity only. Absent: false. */
    guest?: boolean;
  };
}

/** The golden customer behind an order's buyer; orders then completes the placement (risk, `order.placed`). */
export interface BuyerIdentified {
  orderId: string;
  customerId: string;
  /** 'identity', 'email', 'phone' or 'new'. */
  matchedBy: string;
  /** The customer is a channel's guest (risk treats it as new every time). Absent: false. */
  guest?: boolean;
}

/** An API client was created or disabled: gateways re-read the client list at once (they also do every 10 s). */
export interface ApiClientChanged {
  id: string;
  clientId: string;
  disabled: boolean;
}

/**
 * One entry of the audit trail (shared/src/access/audit.ts): a mutation,
 * allowed or refused, or an unmasked PII read. Written to the outbox of the
 * service that served it, in the same transaction as the change when there
 * is one; orders keeps the trail (`auditEvents`), one row per event id.
 * Aggregate: `audit` / a fresh id per event (nothing orders them).
 */
export interface AuditRecorded {
  /** ISO instant, millisecond precision (the trail's sort key). */
  at: string;
  /** The caller's `sub`. */
  actor: string;
  /** The mutation's root field name (e.g. "placeOrder"), or "pii.read". */
  action: string;
  /** "<Type>:<id>" of the object acted on or read, e.g. "Order:1f0c..."; null when there is no single one. */
  target: string | null;
  channel: string | null;
  requestId: string | null;
  /** "ok", or the error's code (FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, INTERNAL, ...). */
  outcome: string;
}

/**
 * A transaction changed the subgraph's data (entity-changes.ts writes it from
 * a trigger): what the gateway cached from that subgraph is out of date.
 */
export interface EntityChanged {
  subgraph: string;
  /** The first table the transaction changed (for logs; the cache is dropped whatever it was). */
  table: string;
}

/** What an alert or a work item is about: a GraphQL entity by typename and id. */
export interface SubjectRef {
  /** "Order", "Shipment", "StockLevel", "Return", ... */
  type: string;
  /** The entity's id; a stock level's is "<sku>@<warehouseId>". */
  id: string;
}

/**
 * A service noticed something an operator must handle (a risk hold, a logistics
 * exception, a stock alert, a return to review). The desk (orders) opens one
 * work item per `alertKey`: a repeat of the same key changes nothing.
 * Aggregate: `alert` / the alert key.
 */
export interface AlertRaised {
  /** Stable per occurrence, e.g. "logistics:PAST_ETA:<shipmentId>:<basisAt>"; the desk's dedupe key. */
  alertKey: string;
  /** The service that raised it: "orders", "inventory" or "logistics". */
  source: string;
  /** The work item type: RISK_HOLD, LOGISTICS_EXCEPTION, LOW_STOCK, OVERSELL_RISK, RETURN_REVIEW, ... */
  kind: string;
  subject: SubjectRef;
  /** The order it concerns, if any. */
  orderId: string | null;
  /** The order's channel, if any: a channel-scoped caller sees only its channels' items. */
  channel: string | null;
  /** For logistics alerts: the carrier of the shipment, so an outcome can be held against it. */
  carrier?: string | null;
  /** One line for the desk; no personal data. */
  summary: string;
  raisedAt: string;
  /** Source-specific facts for the handler (risk flags, alert kind, SKU, ...); no personal data. */
  detail?: Record<string, string | number | boolean | string[] | null>;
}

/** The condition behind an alert went away by itself (stock came back, the parcel moved): the desk closes its item. */
export interface AlertCleared {
  alertKey: string;
  source: string;
  at: string;
  reason: string;
}

/**
 * A work item was opened, assigned, commented, escalated or resolved: the desk's
 * live screen (`workItemChanged`) is fed from these. Aggregate: `work-item` / its id.
 */
export interface WorkItemChanged {
  workItemId: string;
  /** OPENED, ASSIGNED, COMMENTED, ESCALATED, RESOLVED. */
  change: string;
  kind: string;
  status: string;
  assignee: string | null;
  channel: string | null;
  version: number;
  at: string;
}

/**
 * A work item was resolved with an outcome: the rule or record that raised it
 * learns from it (risk rule weights and trusted customers in orders, a
 * carrier's on-time record in logistics). Aggregate: `work-item` / its id.
 */
export interface WorkItemResolved {
  workItemId: string;
  alertKey: string;
  kind: string;
  subject: SubjectRef;
  orderId: string | null;
  channel: string | null;
  carrier: string | null;
  /**
   * The handler's verdict, per kind: RISK_HOLD LEGITIMATE | FRAUD; LOGISTICS_EXCEPTION DELIVERED | RESHIPPED |
   * LOST | RETURNED_TO_SENDER; others RESOLVED | NO_ACTION; AUTO_CLEARED when the alert cleared by itself.
   */
  outcome: string;
  /**
   * Why it happened, per kind: for LOGISTICS_EXCEPTION one of CARRIER_DELAY, CARRIER_LOST, CARRIER_DAMAGE (held
   * against the carrier), ADDRESS_PROBLEM, CUSTOMER_ABSENT, WAREHOUSE_DELAY, WEATHER, OTHER (not held against it).
   */
  cause: string | null;
  /** The source facts of the alert (`AlertRaised.detail`), so a consumer needs nothing else. */
  detail: Record<string, string | number | boolean | string[] | null>;
  resolvedBy: string;
  resolvedAt: string;
}

export interface ReturnLinePayload {
  /** The order line returned. */
  lineNo: number;
  sku: string;
  quantity: number;
}

/**
 * Orders authorised a return (by policy at request, by an operator, or because
 * the channel already agreed it): inventory picks the warehouse that receives
 * it. Aggregate: `return` / the return id.
 */
export interface ReturnAuthorised {
  returnId: string;
  orderId: string;
  channel: string;
  customerId: string | null;
  lines: ReturnLinePayload[];
  /** RETURN_REASON enum name: DAMAGED, DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, SIZE_FIT, CHANGED_MIND, OTHER. */
  reason: string;
  /** Where the parcel comes from: the order's shipping address (no street line, no name). */
  shipFrom: AddressPayload;
  /** The warehouses that shipped the order, if known (preferred when suitable and near). */
  shippedFrom: string[];
  authorisedAt: string;
}

/** Inventory chose the receiving warehouse: logistics books the return shipment to it. */
export interface ReturnRouted {
  returnId: string;
  orderId: string;
  channel: string;
  lines: ReturnLinePayload[];
  warehouse: { id: string; code: string; city: string; latitude: number; longitude: number };
  shipFrom: AddressPayload;
  /** Why this warehouse, for operators. */
  reason: string;
  /** The buyer, copied from ReturnAuthorised (null for a guest): the return shipment is theirs. Absent in events written before it was added. */
  customerId?: string | null;
}

/**
 * The return shipment was booked (change CREATED, with carrier and tracking) or
 * its tracking status changed. Return shipments never send `shipment.created`
 * or `shipment.status-changed`: those drive the order's own fulfilment.
 */
export interface ReturnShipmentChanged {
  returnId: string;
  orderId: string;
  shipmentId: string;
  warehouseId: string;
  carrier: string;
  trackingNumber: string;
  from: ShipmentStatusName | null;
  to: ShipmentStatusName;
  at: string;
}

/** The return parcel arrived at its warehouse (delivered there, or booked in at the dock): it waits for inspection. */
export interface ReturnReceived {
  returnId: string;
  orderId: string;
  warehouseId: string;
  at: string;
}

/**
 * The return was inspected: each line's units are restocked (back on hand and
 * offered to backorders), sent to refurbishment or scrapped. Orders computes the
 * refund and the order's return state from it.
 */
export interface ReturnInspected {
  returnId: string;
  orderId: string;
  warehouseId: string;
  lines: { lineNo: number; sku: string; restocked: number; refurbished: number; scrapped: number }[];
  at: string;
}
