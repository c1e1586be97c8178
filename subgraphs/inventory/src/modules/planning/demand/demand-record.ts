import { distanceKm, locate, type OrderPlaced, type Queryable } from '@supply-graph/shared';
import type { WarehouseSite } from '../../reservation/routing/routing-strategy';

/** Units of one SKU an order asked of one warehouse, and how many of them stock met. */
export interface DemandRow {
  sku: string;
  warehouseId: string;
  fulfilled: number;
  short: number;
}

export type DemandOrder = Pick<OrderPlaced, 'orderId' | 'channel' | 'placedAt'>;

// Facts first, once per order (NOT EXISTS: the first decision on an order wins, whichever path makes a later one),
// then their day rows in the same statement. Rows are locked in (sku, warehouse) order, so two orders adding to the
// same days cannot deadlock; concurrent adds serialise on the row and each adds to the other's sum.
const RECORD_SQL = `
  WITH fresh AS (
    INSERT INTO demand_line (order_id, sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short)
    SELECT $1, r.sku, r.warehouse_id, $2, ($3::timestamptz AT TIME ZONE 'UTC')::date, r.fulfilled + r.short,
           r.fulfilled, r.short
    FROM unnest($4::text[], $5::uuid[], $6::int[], $7::int[]) AS r(sku, warehouse_id, fulfilled, short)
    WHERE NOT EXISTS (SELECT 1 FROM demand_line WHERE order_id = $1)
    ON CONFLICT DO NOTHING
    RETURNING sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short
  )
  INSERT INTO demand_daily (sku, warehouse_id, channel, day, units_demanded, units_fulfilled, units_short, orders)
  SELECT sku, warehouse_id, channel, day, sum(units_demanded), sum(units_fulfilled), sum(units_short), count(*)
  FROM fresh GROUP BY sku, warehouse_id, channel, day ORDER BY sku, warehouse_id
  ON CONFLICT (sku, warehouse_id, channel, day) DO UPDATE SET
    units_demanded = demand_daily.units_demanded + EXCLUDED.units_demanded,
    units_fulfilled = demand_daily.units_fulfilled + EXCLUDED.units_fulfilled,
    units_short = demand_daily.units_short + EXCLUDED.units_short,
    orders = demand_daily.orders + EXCLUDED.orders`;

/**
 * Records an order's demand on the day it was placed (UTC), in the caller's
 * transaction: the reservation's, so the history and the stock decision it
 * describes commit together, exactly once with the consumer's inbox row.
 * Does nothing when the order's demand is already recorded.
 */
export async function recordDemand(db: Queryable, order: DemandOrder, rows: DemandRow[]): Promise<void> {
  const merged = mergeRows(rows);
  if (!merged.length) return;
  await db.query(RECORD_SQL, [
    order.orderId,
    order.channel,
    order.placedAt,
    merged.map((r) => r.sku),
    merged.map((r) => r.warehouseId),
    merged.map((r) => r.fulfilled),
    merged.map((r) => r.short),
  ]);
}

/** One row per (sku, warehouse), sorted: a presale and a regular allocation of a SKU in a warehouse are one demand. */
export function mergeRows(rows: DemandRow[]): DemandRow[] {
  const merged = new Map<string, DemandRow>();
  for (const r of rows) {
    const key = `${r.sku}\u0000${r.warehouseId}`;
    const seen = merged.get(key);
    if (seen) {
      seen.fulfilled += r.fulfilled;
      seen.short += r.short;
    } else merged.set(key, { ...r });
  }
  return [...merged.values()]
    .filter((r) => r.fulfilled + r.short > 0)
    .sort((a, b) => (a.sku === b.sku ? a.warehouseId.localeCompare(b.warehouseId) : a.sku < b.sku ? -1 : 1));
}

/** What a reservation met: every allocated unit, where it was allocated. */
export const fulfilledRows = (allocations: { sku: string; warehouseId: string; quantity: number }[]): DemandRow[] =>
  allocations.map((a) => ({ sku: a.sku, warehouseId: a.warehouseId, fulfilled: a.quantity, short: 0 }));

/**
 * What a backorder left unmet: all of the order's units (the order waits
 * whole, none of it is reserved), each SKU counted against the warehouse that
 * would have served it, the nearest one stocking the SKU (by code when the
 * destination is not on the map, as routing does), or the nearest of all when
 * none stocks it. That is where the stockout happened and where replenishment
 * would have helped. Lines are dropped only when there is no warehouse at all.
 */
export function shortRows(
  order: Pick<OrderPlaced, 'lines' | 'shippingAddress'>,
  stocked: { sku: string; warehouseId: string }[],
  warehouses: WarehouseSite[],
): DemandRow[] {
  const destination = locate(order.shippingAddress);
  const distance = (w: WarehouseSite) => (destination ? distanceKm(w, destination) : 0);
  const byDistance = [...warehouses].sort((a, b) => distance(a) - distance(b) || a.code.localeCompare(b.code));
  return order.lines.flatMap((line) => {
    const holders = new Set(stocked.filter((s) => s.sku === line.sku).map((s) => s.warehouseId));
    const site = byDistance.find((w) => holders.has(w.id)) ?? byDistance[0];
    return site ? [{ sku: line.sku, warehouseId: site.id, fulfilled: 0, short: line.quantity }] : [];
  });
}

/** The warehouses as routing sees them. */
export async function warehouseSites(db: Queryable): Promise<WarehouseSite[]> {
  const rows = (await db.query('SELECT id, code, latitude, longitude FROM warehouse')) as WarehouseSite[];
  return rows.map((w) => ({ ...w, latitude: Number(w.latitude), longitude: Number(w.longitude) }));
}
