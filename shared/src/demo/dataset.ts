/**
 * The demo data set, generated once and written by each subgraph into its own
 * schema. Ids are shared across subgraphs (an order's `customerId` is a
 * customer's `id`), exactly as events would carry them in production.
 */

export type ChannelKindName = 'WEBSTORE' | 'MARKETPLACE' | 'SOCIAL' | 'OFFLINE';
export type OrderStatusName =
  | 'PENDING'
  | 'ALLOCATED'
  | 'BACKORDERED'
  | 'ON_HOLD'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'RETURNED';
export type ShipmentStatusName = 'CREATED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION' | 'RETURNED';

export interface DemoChannel {
  code: string;
  name: string;
  kind: ChannelKindName;
}

export interface DemoWarehouse {
  id: string;
  code: string;
  name: string;
  region: string;
  city: string;
  latitude: number;
  longitude: number;
}

export interface DemoProduct {
  sku: string;
  name: string;
  /** Decimal string, CNY. */
  price: string;
  weightGrams: number;
  /** Packed length, width and height in mm. */
  dimensionsMm: [number, number, number];
}

export interface DemoStockLevel {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
}

export interface DemoIdentity {
  id: string;
  customerId: string;
  channel: string;
  externalId: string;
  createdAt: Date;
}

export interface DemoCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: Date;
}

export interface DemoAddress {
  name: string | null;
  phone: string | null;
  country: string;
  province: string | null;
  city: string | null;
  line1: string | null;
  postalCode: string | null;
}

export interface DemoOrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  /** Decimal string. */
  unitPrice: string;
}

export interface DemoStatusChange {
  from: OrderStatusName | null;
  to: OrderStatusName;
  at: Date;
  reason: string | null;
}

export interface DemoOrder {
  id: string;
  channel: string;
  externalId: string;
  customerId: string;
  status: OrderStatusName;
  /** Equals the number of history entries: 1 when placed, +1 on every status change. */
  version: number;
  currency: string;
  subtotal: string;
  discount: string;
  shippingFee: string;
  /** subtotal - discount + shippingFee, as a decimal string. */
  total: string;
  shippingAddress: DemoAddress;
  placedAt: Date;
  riskScore: number;
  riskFlags: string[];
  lines: DemoOrderLine[];
  history: DemoStatusChange[];
}

export interface DemoAllocation {
  id: string;
  orderId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  createdAt: Date;
  /** Set when the reservation was given back (cancelled after allocation). */
  releasedAt: Date | null;
}

export interface DemoCarrier {
  code: string;
  name: string;
}

export interface DemoTrackingEvent {
  at: Date;
  status: ShipmentStatusName;
  location: string | null;
  description: string | null;
}

export interface DemoShipment {
  id: string;
  orderId: string;
  customerId: string;
  /** The order's channel: channel-scoped callers see only their channels' shipments. */
  channel: string;
  warehouseId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatusName;
  createdAt: Date;
  estimatedDeliveryAt: Date | null;
  deliveredAt: Date | null;
  events: DemoTrackingEvent[];
}

/**
 * A promotion the demo's demand follows: orders of the listed channels come
 * `uplift` times as often in [startsAt, endsAt) (whole UTC days), across the
 * whole catalogue. Planning can seed these as its planned promotions.
 */
export interface DemoPromotion {
  code: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  /** Multiplier on the channels' order rate while the promotion runs. */
  uplift: number;
  channels: string[];
}

export interface DemoDataset {
  channels: DemoChannel[];
  warehouses: DemoWarehouse[];
  products: DemoProduct[];
  stockLevels: DemoStockLevel[];
  customers: DemoCustomer[];
  identities: DemoIdentity[];
  orders: DemoOrder[];
  allocations: DemoAllocation[];
  carriers: DemoCarrier[];
  shipments: DemoShipment[];
  /** The promotions the orders' timing follows (see `demoPromotions`). */
  promotions: DemoPromotion[];
}

export interface DemoSize {
  customers: number;
  orders: number;
  /** Anchor for "the last 180 days"; fixed in tests for reproducible data. */
  now?: Date;
  seed?: number;
}
