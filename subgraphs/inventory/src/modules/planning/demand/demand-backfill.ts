import type { OrderPlaced, Queryable } from '@supply-graph/shared';
import { recordDemand, shortRows, warehouseSites } from './demand-record';

// Allocations of orders with no demand fact yet (history from before the demand table, or written by the seed):
// each order's first reservation (one transaction, one created_at), met in full on the day it was made. The order's
// placement time is not kept with its allocations; reservations follow it within seconds, held and presale orders
// aside.
const FROM_ALLOCATIONS = `
  INSERT INTO demand_line (order_id, sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short)
  SELECT a.order_id, a.sku, a.warehouse_id, coalesce(a.channel, 'unknown'), (a.created_at AT TIME ZONE 'UTC')::date,
         sum(a.quantity), sum(a.quantity), 0
  FROM (
    -- One pass with a window, not a correlated min() per row: the seed runs this over every demo allocation.
    SELECT f.*, min(f.created_at) OVER (PARTITION BY f.order_id) AS first_at
    FROM allocation f
    WHERE NOT EXISTS (SELECT 1 FROM demand_line d WHERE d.order_id = f.order_id)
  ) a
  WHERE a.created_at = a.first_at
  GROUP BY a.order_id, a.sku, a.warehouse_id, a.channel, a.created_at`;

const REBUILD_DAILY = `
  INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
  SELECT sku, warehouse_id, channel, day, sum(units_demanded), sum(units_fulfilled), sum(units_short), count(*)
  FROM demand_line GROUP BY sku, warehouse_id, channel, day`;

/**
 * Brings the demand history up to date with everything inventory knows, and
 * rebuilds the daily table from the facts. Run it in one transaction (the
 * seed's, or an operator's): readers see the old days or the new, never none.
 * Idempotent: a second run changes nothing.
 *
 * Facts are added for orders that have none: allocations (met in full), and
 * waiting backorders (unmet, against the warehouse that would have served
 * them, exactly as the reservation records them). The day table is then
 * truncated and summed again from all facts, so whatever a consumer and the
 * backfill wrote, the days equal their facts.
 */
export async function rebuildDemandHistory(db: Queryable): Promise<void> {
  await db.query(FROM_ALLOCATIONS);
  const waiting = (await db.query(
    `SELECT b.request FROM backorder b
     WHERE NOT EXISTS (SELECT 1 FROM demand_line d WHERE d.order_id = b.order_id) ORDER BY b.created_at`,
  )) as { request: OrderPlaced }[];
  if (waiting.length) {
    const warehouses = await warehouseSites(db);
    const skus = [...new Set(waiting.flatMap((w) => w.request.lines.map((l) => l.sku)))];
    const stocked = (await db.query('SELECT sku, warehouse_id AS "warehouseId" FROM stock_level WHERE sku = ANY($1)', [
      skus,
    ])) as { sku: string; warehouseId: string }[];
    for (const { request } of waiting) await recordDemand(db, request, shortRows(request, stocked, warehouses));
  }
  await db.query('TRUNCATE demand_daily');
  await db.query(REBUILD_DAILY);
}
