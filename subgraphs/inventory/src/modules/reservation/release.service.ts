import {
  EventTypes,
  returnedRows,
  type AllocationPayload,
  type EventTransaction,
  type OrderPlaced,
  type StockReleased,
} from '@supply-graph/shared';
import { refreshStockAlerts } from '../alerts/refresh-stock-alerts';
import { waitingOrders } from '../quota/priority-queue';
import { releaseHeld } from '../quota/quota-counter';
import { lockSkuStock, recordMovements, reserveOne, tryLockOrder } from './reservation.service';
import type { InventoryStrategies } from '../../strategies';
import { SellableUnits } from './sellable-units';
import { nextVersion } from './stock-events';

interface AllocationRow {
  id: string;
  sku: string;
  warehouse_id: string;
  quantity: number;
  channel: string | null;
  presale: boolean;
}

const RELEASE_SQL = {
  regular: 'UPDATE stock_level SET reserved = reserved - $3, updated_at = now() WHERE sku = $1 AND warehouse_id = $2',
  presale:
    'UPDATE stock_level SET presale_reserved = presale_reserved - $3, updated_at = now() ' +
    'WHERE sku = $1 AND warehouse_id = $2',
};

const SHIP_SQL = {
  regular:
    'UPDATE stock_level SET reserved = reserved - $3, on_hand = on_hand - $3, updated_at = now() ' +
    'WHERE sku = $1 AND warehouse_id = $2',
  presale: `UPDATE stock_level SET presale_reserved = presale_reserved - $3, presale_on_hand = presale_on_hand - $3,
    updated_at = now()
            WHERE sku = $1 AND warehouse_id = $2`,
};

/**
 * Gives back what a cancelled order reserved and had not shipped, drops it
 * from the backorder queue, takes the units off its channel's quota count,
 * and offers the freed units to waiting orders (by channel priority, then
 * age). A waiting order leaving the queue frees no units, but lower-priority
 * orders it held back may fit now: they are offered the stock too.
 */
export async function releaseForOrder(
  tx: EventTransaction,
  orderId: string,
  reason: string,
  strategies: InventoryStrategies,
): Promise<AllocationPayload[]> {
  const { manager } = tx;
  const dropped = returnedRows<{ request: OrderPlaced }>(
    await manager.query('DELETE FROM backorder WHERE order_id = $1 RETURNING request', [orderId]),
  );
  const rows = (await manager.query(
    `SELECT id, sku, warehouse_id, quantity, channel, presale FROM allocation
     WHERE order_id = $1 AND released_at IS NULL AND shipped_at IS NULL ORDER BY sku, warehouse_id FOR UPDATE`,
    [orderId],
  )) as AllocationRow[];
  if (!rows.length) {
    // A backordered order leaving the queue lowers open demand: its SKUs' alerts may clear (allocateBackorders
    // brings them up to date).
    const waited = [...new Set(dropped.flatMap((r) => r.request.lines.map((l) => l.sku)))].sort();
    if (waited.length) await allocateBackorders(tx, waited, strategies);
    return [];
  }
  await lockSkuStock(manager, [...new Set(rows.map((r) => r.sku))]);
  const released = rows.map((r) => ({
    allocationId: r.id,
    sku: r.sku,
    warehouseId: r.warehouse_id,
    quantity: r.quantity,
  }));
  for (const r of rows)
    await manager.query(r.presale ? RELEASE_SQL.presale : RELEASE_SQL.regular, [r.sku, r.warehouse_id, r.quantity]);
  await manager.query('UPDATE allocation SET released_at = now() WHERE id = ANY($1::uuid[])', [
    released.map((a) => a.allocationId),
  ]);
  await recordMovements(tx, 'RELEASE', orderId, rows.map(movementOf), reason);
  // Parcels that will not go out leave the packaging KPIs; those of warehouses that already shipped stay.
  await manager.query(
    `DELETE FROM packing_plan p WHERE p.order_id = $1 AND NOT EXISTS (
       SELECT 1 FROM allocation a WHERE a.order_id = $1 AND a.warehouse_id = p.warehouse_id AND a.released_at IS NULL)`,
    [orderId],
  );
  await releaseHeld(
    manager,
    rows.filter((r) => !r.presale).map((r) => ({ channel: r.channel, sku: r.sku, quantity: r.quantity })),
  );
  const payload: StockReleased = { orderId, allocations: released };
  await tx.emit({
    type: EventTypes.stockReleased,
    aggregateType: 'order-stock',
    aggregateId: orderId,
    aggregateVersion: await nextVersion(tx, orderId),
    payload,
  });
  await allocateBackorders(tx, [...new Set(released.map((a) => a.sku))], strategies);
  return released;
}

/**
 * Offers stock (or quota room) that just became available to backordered
 * orders needing any of these SKUs: by channel priority (higher first), then
 * age (oldest first); see quota/channel-priority.rule.ts. Each one that now
 * fits is reserved (and announced) in this same transaction; the alerts of
 * every SKU involved are brought up to date once at the end. Every path that
 * makes stock sellable (more on hand, a release, a return, a lowered safety
 * stock, a raised quota) ends here.
 */
export async function allocateBackorders(
  tx: EventTransaction,
  skus: string[],
  strategies: InventoryStrategies,
): Promise<number> {
  const waiting = await waitingOrders(tx.manager, skus);
  const sellable = await SellableUnits.read(tx.manager, skus);
  let allocated = 0;
  const touched = new Set(skus);
  for (const row of waiting) {
    for (const line of row.request.lines) touched.add(line.sku);
    if (!sellable.mayFit(row.request)) continue;
    // An order another transaction is deciding on (a second delivery of its placement) is left to that one:
    // waiting for it here, with stock rows locked, could deadlock.
    if (!(await tryLockOrder(tx, row.order_id))) continue;
    if ((await reserveOne(tx, row.request, strategies)) === 'reserved') {
      allocated += 1;
      sellable.take(row.request);
    }
  }
  await refreshStockAlerts(tx.manager, touched);
  return allocated;
}

/**
 * Units handed to a carrier leave the shelf: reserved and on hand both go down
 * (in the allocation's pool), and they no longer count against the channel's
 * quota, so orders waiting on that quota are offered the room.
 */
export async function shipAllocations(
  tx: EventTransaction,
  orderId: string,
  warehouseId: string,
  strategies: InventoryStrategies,
): Promise<number> {
  const marked = returnedRows<AllocationRow>(
    await tx.manager.query(
      `UPDATE allocation SET shipped_at = now()
       WHERE order_id = $1 AND warehouse_id = $2 AND released_at IS NULL AND shipped_at IS NULL
       RETURNING id, sku, warehouse_id, quantity, channel, presale`,
      [orderId, warehouseId],
    ),
  );
  const shipped = marked.sort((a, b) => a.sku.localeCompare(b.sku));
  for (const r of shipped)
    await tx.manager.query(r.presale ? SHIP_SQL.presale : SHIP_SQL.regular, [r.sku, r.warehouse_id, r.quantity]);
  await recordMovements(tx, 'SHIP', orderId, shipped.map(movementOf), `handed to carrier for order ${orderId}`);
  const freed = await releaseHeld(
    tx.manager,
    shipped.filter((r) => !r.presale).map((r) => ({ channel: r.channel, sku: r.sku, quantity: r.quantity })),
  );
  if (freed.length) await allocateBackorders(tx, freed, strategies);
  return shipped.length;
}

const movementOf = (r: AllocationRow) => ({
  sku: r.sku,
  warehouseId: r.warehouse_id,
  quantity: r.quantity,
  presale: r.presale,
});
