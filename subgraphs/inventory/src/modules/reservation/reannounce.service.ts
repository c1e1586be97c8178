import type { EventTransaction, OrderPlaced } from '@supply-graph/shared';
import { storedPackages } from '../packing/packing.service';
import { emitStockBackordered, emitStockReserved } from './stock-events';

/**
 * A released order (ON_HOLD -> PENDING) may already have been served: an
 * operator held it while its `order.placed` was on the way, inventory reserved
 * or backordered it, and orders ignored the answer because the order was held.
 * Telling the outcome again lets the order move on; reserving anew would
 * double the reservation. Returns false when there is nothing to repeat.
 */
export async function reannounce(tx: EventTransaction, order: OrderPlaced): Promise<boolean> {
  const allocations = (await tx.manager.query(
    `SELECT a.id AS "allocationId", a.sku, a.warehouse_id AS "warehouseId", a.quantity, a.reason,
            w.code, w.city, w.latitude, w.longitude
     FROM allocation a JOIN warehouse w ON w.id = a.warehouse_id
     WHERE a.order_id = $1 AND a.released_at IS NULL ORDER BY a.sku, a.warehouse_id`,
    [order.orderId],
  )) as {
    allocationId: string;
    sku: string;
    warehouseId: string;
    quantity: number;
    reason: string | null;
    code: string;
    city: string;
    latitude: number;
    longitude: number;
  }[];
  if (allocations.length) {
    const warehouses = new Map(
      allocations.map((a) => [
        a.warehouseId,
        { id: a.warehouseId, code: a.code, city: a.city, latitude: Number(a.latitude), longitude: Number(a.longitude) },
      ]),
    );
    const routing = allocations[0].reason ?? 'reserved before the order was held';
    const packages = await storedPackages(tx.manager, order.orderId);
    await emitStockReserved(tx, order, allocations, [...warehouses.values()], routing, packages);
    return true;
  }
  const waiting = (await tx.manager.query('SELECT reason FROM backorder WHERE order_id = $1', [order.orderId])) as {
    reason: string | null;
  }[];
  if (waiting.length) {
    const missing = order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
    await emitStockBackordered(tx, order.orderId, missing, waiting[0].reason ?? undefined);
    return true;
  }
  return false;
}
