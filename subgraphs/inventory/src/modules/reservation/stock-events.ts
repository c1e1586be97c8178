import {
  EventTypes,
  nextAggregateVersion,
  type AllocationPayload,
  type EventTransaction,
  type OrderPlaced,
  type PackagePayload,
  type StockBackordered,
  type StockReserved,
} from '@supply-graph/shared';

/** Inventory's events about one order are numbered 1, 2, 3... so consumers can check their order. */
export function nextVersion(tx: EventTransaction, orderId: string): Promise<number> {
  return nextAggregateVersion(tx.manager, 'order-stock', orderId);
}

/**
 * The order's `stock.reserved`, next in its order-stock stream: a reservation, or one announced
 * again. Only the allocations' ids, SKUs, warehouses and quantities travel.
 */
export async function emitStockReserved(
  tx: EventTransaction,
  order: OrderPlaced,
  allocations: readonly AllocationPayload[],
  warehouses: StockReserved['warehouses'],
  routing: string,
  packages: PackagePayload[],
): Promise<void> {
  const payload: StockReserved = {
    orderId: order.orderId,
    customerId: order.customerId,
    channel: order.channel,
    shippingAddress: order.shippingAddress,
    allocations: allocations.map(({ allocationId, sku, warehouseId, quantity }) => ({
      allocationId,
      sku,
      warehouseId,
      quantity,
    })),
    warehouses,
    routing,
    // Left out when empty: the field is optional, and older consumers need not see it.
    ...(packages.length ? { packages } : {}),
  };
  await tx.emit({
    type: EventTypes.stockReserved,
    aggregateType: 'order-stock',
    aggregateId: order.orderId,
    aggregateVersion: await nextVersion(tx, order.orderId),
    payload,
  });
}

/** The order's `stock.backordered`, next in its order-stock stream: what it waits for, and why. */
export async function emitStockBackordered(
  tx: EventTransaction,
  orderId: string,
  missing: StockBackordered['missing'],
  reason: string | undefined,
): Promise<void> {
  const payload: StockBackordered = { orderId, missing, reason };
  await tx.emit({
    type: EventTypes.stockBackordered,
    aggregateType: 'order-stock',
    aggregateId: orderId,
    aggregateVersion: await nextVersion(tx, orderId),
    payload,
  });
}
