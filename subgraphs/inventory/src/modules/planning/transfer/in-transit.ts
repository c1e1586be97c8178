import type { Queryable } from '@supply-graph/shared';
import { pairKey, type StockPair } from '../forecast/forecast-store';

/**
 * Units on their way to each SKU x warehouse (`pairKey`) and not yet
 * received: replenishment counts them as coming, and they are available at
 * neither end meanwhile. Pairs with nothing inbound are absent.
 */
export async function inboundInTransit(db: Queryable, pairs: readonly StockPair[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (!pairs.length) return found;
  const rows = (await db.query(
    `SELECT t.sku, t.to_warehouse_id AS "warehouseId", sum(t.quantity - t.received - t.returned)::int AS units
     FROM stock_transfer t JOIN unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id)
       ON t.sku = p.sku AND t.to_warehouse_id = p.warehouse_id
     WHERE t.status = 'IN_TRANSIT'
     GROUP BY 1, 2`,
    [pairs.map((p) => p.sku), pairs.map((p) => p.warehouseId)],
  )) as (StockPair & { units: number })[];
  const units = new Map(rows.map((r) => [pairKey(r), r.units]));
  // Keyed as the caller wrote the pair: a warehouse id in capitals still finds its units.
  for (const p of pairs) {
    const n = units.get(pairKey({ sku: p.sku, warehouseId: p.warehouseId.toLowerCase() }));
    if (n) found.set(pairKey(p), n);
  }
  return found;
}

/** Units on the way into and out of one warehouse, for one SKU. */
export interface TransitUnits {
  inbound: number;
  outbound: number;
}

/** Per SKU, each warehouse's open transfers in and out (warehouses with none are absent). */
export async function transitBySku(
  db: Queryable,
  skus: readonly string[],
): Promise<Map<string, Map<string, TransitUnits>>> {
  const rows = (await db.query(
    `SELECT sku, warehouse_id AS "warehouseId", sum(inbound)::int AS inbound, sum(outbound)::int AS outbound
     FROM (
       SELECT sku, to_warehouse_id AS warehouse_id, quantity - received - returned AS inbound, 0 AS outbound
       FROM stock_transfer WHERE status = 'IN_TRANSIT' AND sku = ANY($1::text[])
       UNION ALL
       SELECT sku, from_warehouse_id, 0, quantity - received - returned
       FROM stock_transfer WHERE status = 'IN_TRANSIT' AND sku = ANY($1::text[])
     ) open
     GROUP BY 1, 2`,
    [skus],
  )) as (StockPair & TransitUnits)[];
  const found = new Map<string, Map<string, TransitUnits>>();
  for (const r of rows) {
    const bySite = found.get(r.sku) ?? new Map<string, TransitUnits>();
    bySite.set(r.warehouseId, { inbound: r.inbound, outbound: r.outbound });
    found.set(r.sku, bySite);
  }
  return found;
}
