import { randomUUID } from 'node:crypto';
import { EventTypes, type EventTransaction, type OrderPlaced, type StockBackordered, type StockReserved } from '@supply-graph/shared';
import type { RoutingStrategy, StockOption, WarehouseSite } from './routing/routing-strategy';
import { nextVersion } from './stock-events';

export type ReservationOutcome = 'reserved' | 'backordered' | 'already-allocated';

/**
 * Reserves stock for an order, or queues it as a backorder. The stock rows of
 * the order's SKUs are locked (in a fixed order, so concurrent orders never
 * deadlock) before the routing strategy plans, and the plan is applied in the
 * same transaction: two orders racing for the last units serialise on the
 * rows, and `reserved <= on_hand` is also a CHECK in the table. Overselling is
 * impossible by construction, not by luck.
 */
export async function reserveForOrder(tx: EventTransaction, order: OrderPlaced, strategy: RoutingStrategy): Promise<ReservationOutcome> {
  const { manager } = tx;
  const active = await manager.query('SELECT 1 FROM allocation WHERE order_id = $1 AND released_at IS NULL LIMIT 1', [order.orderId]);
  if (active.length) return 'already-allocated';
  const skus = [...new Set(order.lines.map((l) => l.sku))].sort();
  const stock = (await manager.query(
    `SELECT sku, warehouse_id AS "warehouseId", on_hand - reserved - safety_stock AS available
     FROM stock_level WHERE sku = ANY($1) ORDER BY sku, warehouse_id FOR UPDATE`,
    [skus],
  )) as StockOption[];
  const warehouses = (await manager.query('SELECT id, code, city, latitude, longitude FROM warehouse')) as (WarehouseSite & { city: string })[];
  const plan = strategy.plan({ lines: order.lines, destination: order.shippingAddress }, stock, warehouses);

  if (!plan.ok) {
    const queued = await manager.query(
      'INSERT INTO backorder (order_id, request, created_at) VALUES ($1, $2, now()) ON CONFLICT (order_id) DO NOTHING RETURNING 1',
      [order.orderId, JSON.stringify(order)],
    );
    if (queued.length) {
      const payload: StockBackordered = { orderId: order.orderId, missing: plan.missing };
      await tx.emit({ type: EventTypes.stockBackordered, aggregateType: 'order-stock', aggregateId: order.orderId, aggregateVersion: await nextVersion(tx, order.orderId), payload });
    }
    return 'backordered';
  }

  const allocations = plan.allocations.map((a) => ({ ...a, allocationId: randomUUID() }));
  for (const a of allocations) {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = (await manager.query(
      `UPDATE stock_level SET reserved = reserved + $3, updated_at = now()
       WHERE sku = $1 AND warehouse_id = $2 AND on_hand - reserved - safety_stock >= $3`,
      [a.sku, a.warehouseId, a.quantity],
    )) as [unknown[], number];
    // Cannot happen under the row locks above; if it ever does, roll everything back.
    if (affected !== 1) throw new Error(`stock for ${a.sku} at ${a.warehouseId} changed under a lock`);
  }
  await manager.query(
    `INSERT INTO allocation (id, order_id, sku, warehouse_id, quantity, created_at, reason)
     SELECT id, $1, sku, wh, qty, now(), $2 FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::int[]) AS t(id, sku, wh, qty)`,
    [order.orderId, plan.reason, allocations.map((a) => a.allocationId), allocations.map((a) => a.sku), allocations.map((a) => a.warehouseId), allocations.map((a) => a.quantity)],
  );
  await recordMovements(tx, 'RESERVE', order.orderId, allocations, `reserved for order ${order.orderId}`);
  await manager.query('DELETE FROM backorder WHERE order_id = $1', [order.orderId]);
  const payload: StockReserved = {
    orderId: order.orderId,
    customerId: order.customerId,
    shippingAddress: order.shippingAddress,
    allocations,
    warehouses: warehouses
      .filter((w) => allocations.some((a) => a.warehouseId === w.id))
      .map((w) => ({ id: w.id, code: w.code, city: w.city, latitude: Number(w.latitude), longitude: Number(w.longitude) })),
    routing: plan.reason,
  };
  await tx.emit({ type: EventTypes.stockReserved, aggregateType: 'order-stock', aggregateId: order.orderId, aggregateVersion: await nextVersion(tx, order.orderId), payload });
  return 'reserved';
}

export async function recordMovements(
  tx: EventTransaction,
  kind: 'RESERVE' | 'RELEASE' | 'SHIP',
  orderId: string,
  rows: { sku: string; warehouseId: string; quantity: number }[],
  reason: string,
): Promise<void> {
  if (!rows.length) return;
  await tx.manager.query(
    `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, order_id, at)
     SELECT sku, wh, $1, qty, $2, $3, now() FROM unnest($4::text[], $5::uuid[], $6::int[]) AS t(sku, wh, qty)`,
    [kind, reason, orderId, rows.map((r) => r.sku), rows.map((r) => r.warehouseId), rows.map((r) => r.quantity)],
  );
}
