/** Inventory events: stock reserved, backordered and released for orders; the product catalogue. */
import type { AddressPayload } from './orders';

export const InventoryEventTypes = {
  stockReserved: 'stock.reserved',
  stockBackordered: 'stock.backordered',
  stockReleased: 'stock.released',
  productCatalogued: 'product.catalogued',
  productCatalogueRequested: 'product.catalogue-requested',
} as const;

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
