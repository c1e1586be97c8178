import { badUserInput, type Queryable } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import type { WarehouseSite } from '../../reservation/routing/routing-strategy';
import { pairKey, readForecastDays, type StockPair } from '../forecast/forecast-store';
import { plannedUplift } from '../promotion/promotion-uplift';
import { planningTargets } from '../safety-stock/planning-targets';
import { inboundInTransit } from './in-transit';
import { planTransfers, type PlannedMove, type SitePosition } from './transfer-plan';

/** Planning days when the caller names none: two weeks, about what a transfer across the country takes to pay off. */
export const DEFAULT_SUGGESTION_DAYS = 14;
/** The forecasts' horizon. */
export const MAX_SUGGESTION_DAYS = 90;

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

interface LevelRow extends StockPair {
  onHand: number;
  reserved: number;
}

// Every stock level of the SKUs, and the pairs with a forecast but no level yet (a warehouse that sells the SKU
// and holds none is the shortest of all).
const POSITIONS_SQL = `
  SELECT coalesce(s.sku, f.sku) AS sku, coalesce(s.warehouse_id, f.warehouse_id) AS "warehouseId",
         coalesce(s.on_hand, 0) AS "onHand", coalesce(s.reserved, 0) AS reserved
  FROM (SELECT sku, warehouse_id, on_hand, reserved FROM stock_level WHERE $1::text IS NULL OR sku = $1) s
  FULL JOIN (SELECT sku, warehouse_id FROM forecast_fit WHERE $1::text IS NULL OR sku = $1) f
    USING (sku, warehouse_id)
  ORDER BY 1, 2`;

/**
 * Suggested transfers for one SKU, or every SKU, over the coming `days`
 * (today first, UTC): each warehouse's planned demand (stored forecast days
 * times planned promotions' uplift) against what it has available and
 * inbound; shortfalls are covered from surpluses, nearest first
 * (`planTransfers`). A warehouse without a stored forecast counts as having
 * no demand. Read in one snapshot, so a transfer sent meanwhile is counted
 * once (at the source or inbound), never twice.
 *
 * @throws BAD_USER_INPUT days outside 1..90
 */
export async function suggestTransfers(
  ctx: InventoryContext,
  sku: string | null,
  days: number,
): Promise<PlannedMove[]> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_SUGGESTION_DAYS) {
    throw badUserInput(`Invalid transfer suggestion: days must be within 1..${MAX_SUGGESTION_DAYS}`, [
      { field: 'days', message: `must be within 1..${MAX_SUGGESTION_DAYS}` },
    ]);
  }
  const today = Math.floor(Date.now() / DAY) * DAY;
  const from = dayOf(today);
  const to = dayOf(today + (days - 1) * DAY);
  const positions = await ctx.db.transaction('REPEATABLE READ', (em) => readPositions(em, sku, from, to));
  const bySku = new Map<string, SitePosition[]>();
  for (const p of positions) bySku.set(p.sku, [...(bySku.get(p.sku) ?? []), p]);
  return [...bySku].flatMap(([s, sites]) => planTransfers(s, sites, days));
}

async function readPositions(
  db: Queryable,
  sku: string | null,
  from: string,
  to: string,
): Promise<(SitePosition & { sku: string })[]> {
  const levels = (await db.query(POSITIONS_SQL, [sku])) as LevelRow[];
  if (!levels.length) return [];
  const warehouses = (await db.query('SELECT id, code, latitude, longitude FROM warehouse')) as WarehouseSite[];
  const targets = await planningTargets(db, levels);
  const inbound = await inboundInTransit(db, levels);
  const forecasts = await readForecastDays(db, levels, from, to);
  const uplift = await plannedUplift(db, levels, from, to);
  const sites = new Map(warehouses.map((w) => [w.id, w]));
  // Forecasts are kept by id alone: one for a warehouse since removed has no place on the map.
  return levels.flatMap((level) => {
    const warehouse = sites.get(level.warehouseId);
    if (!warehouse) return [];
    const key = pairKey(level);
    const factors = uplift.get(key);
    const demand = (forecasts.get(key) ?? []).reduce((sum, d) => sum + d.point * (factors?.get(d.day) ?? 1), 0);
    return [
      {
        sku: level.sku,
        warehouse,
        onHand: level.onHand,
        reserved: level.reserved,
        safetyStock: targets.get(key)?.safetyStock ?? 0,
        inbound: inbound.get(key) ?? 0,
        demand,
      },
    ];
  });
}
