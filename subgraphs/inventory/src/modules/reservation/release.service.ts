import { EventTypes, type AllocationPayload, type EventTransaction, type OrderPlaced, type StockReleased } from '@supply-graph/shared';
import { recordMovements, reserveForOrder } from './reservation.service';
import type { RoutingStrategy } from './routing/routing-strategy';
import { nextVersion } from './stock-events';

interface AllocationRow {
  id: string;
  sku: string;
  warehouse_id: string;
  quantity: number;
}

/**
 * Gives back what a cancelled order reserved and had not shipped, drops it
 * from the backorder queue, and offers the freed units to waiting orders,
 * oldest first.
 */
export async function releaseForOrder(tx: EventTransaction, orderId: string, reason: string, strategy: RoutingStrategy): Promise<AllocationPayload[]> {
  const { manager } = tx;
  await manager.query('DELETE FROM backorder WHERE order_id = $1', [orderId]);
  const rows = (await manager.query(
    `SELECT id, sku, warehouse_id, quantity FROM allocation
     WHERE order_id = $1 AND released_at IS NULL AND shipped_at IS NULL ORDER BY sku, warehouse_id FOR UPDATE`,
    [orderId],
  )) as AllocationRow[];
  if (!rows.length) return [];
  const released = rows.map((r) => ({ allocationId: r.id, sku: r.sku, warehouseId: r.warehouse_id, quantity: r.quantity }));
  for (const a of released) {
    await manager.query('UPDATE stock_level SET reserved = reserved - $3, updated_at = now() WHERE sku = $1 AND warehouse_id = $2', [
      a.sku,
      a.warehouseId,
      a.quantity,
    ]);
  }
  await manager.query('UPDATE allocation SET released_at = now() WHERE id = ANY($1::uuid[])', [released.map((a) => a.allocationId)]);
  await recordMovements(tx, 'RELEASE', orderId, released, reason);
  const payload: StockReleased = { orderId, allocations: released };
  await tx.emit({ type: EventTypes.stockReleased, aggregateType: 'order-stock', aggregateId: orderId, aggregateVersion: await nextVersion(tx, orderId), payload });
  await allocateBackorders(tx, [...new Set(released.map((a) => a.sku))], strategy);
  return released;
}

/**
 * Offers stock that just became available to backordered orders needing any
 * of these SKUs, oldest first. Each one that now fits is reserved (and
 * announced) in this same transaction.
 */
export async function allocateBackorders(tx: EventTransaction, skus: string[], strategy: RoutingStrategy): Promise<number> {
  const waiting = (await tx.manager.query(
    `SELECT order_id, request FROM backorder
     WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(request->'lines') l WHERE l->>'sku' = ANY($1))
     ORDER BY created_at, order_id FOR UPDATE SKIP LOCKED`,
    [skus],
  )) as { order_id: string; request: OrderPlaced }[];
  let allocated = 0;
  for (const row of waiting) {
    if ((await reserveForOrder(tx, row.request, strategy)) === 'reserved') allocated += 1;
  }
  return allocated;
}

/** Units handed to a carrier leave the shelf: reserved and on hand both go down. */
export async function shipAllocations(tx: EventTransaction, orderId: string, warehouseId: string): Promise<number> {
  const rows = (await tx.manager.query(
    `UPDATE allocation SET shipped_at = now()
     WHERE order_id = $1 AND warehouse_id = $2 AND released_at IS NULL AND shipped_at IS NULL
     RETURNING id, sku, warehouse_id, quantity`,
    [orderId, warehouseId],
  )) as [AllocationRow[], number];
  const shipped = rows[0].map((r) => ({ sku: r.sku, warehouseId: r.warehouse_id, quantity: r.quantity }));
  for (const a of shipped) {
    await tx.manager.query(
      'UPDATE stock_level SET reserved = reserved - $3, on_hand = on_hand - $3, updated_at = now() WHERE sku = $1 AND warehouse_id = $2',
      [a.sku, a.warehouseId, a.quantity],
    );
  }
  await recordMovements(tx, 'SHIP', orderId, shipped, `handed to carrier for order ${orderId}`);
  return shipped.length;
}
