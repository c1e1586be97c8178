/** Operations desk and returns events: alerts and the work items they open, and a return's way back to stock. */
import type { ShipmentStatusName } from '../../demo/dataset';
import type { AddressPayload } from './orders';

export const DeskAndReturnEventTypes = {
  alertRaised: 'alert.raised',
  alertCleared: 'alert.cleared',
  workItemChanged: 'work-item.changed',
  workItemResolved: 'work-item.resolved',
  returnAuthorised: 'return.authorised',
  returnRouted: 'return.routed',
  returnShipmentChanged: 'return.shipment-changed',
  returnReceived: 'return.received',
  returnInspected: 'return.inspected',
  returnRefunded: 'return.refunded',
} as const;

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

/**
 * Orders settled a return's refund (the return is REFUNDED): customer value
 * takes the amount off the buyer's spend. One event per return. Aggregate:
 * `return` / the return id.
 */
export interface ReturnRefunded {
  returnId: string;
  orderId: string;
  /** The order's golden customer; null while its buyer is still being identified. */
  customerId: string | null;
  channel: string;
  /** Decimal string in the order's currency, e.g. "67.42": lines and any shipping refunded. */
  amount: string;
  currency: string;
  at: string;
}
