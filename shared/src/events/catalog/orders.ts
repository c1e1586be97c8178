/**
 * Order events: the order's own lifecycle, as orders publishes it. The shapes of
 * an order's lines and address are shared by the events that carry them on.
 */
import type { OrderStatusName } from '../../demo/dataset';

export const OrderEventTypes = {
  orderPlaced: 'order.placed',
  orderReleased: 'order.released',
  orderCancelled: 'order.cancelled',
  orderStatusChanged: 'order.status-changed',
} as const;

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
