import type { Queryable } from '@supply-graph/shared';
import { ON_HAND_DELTA_SQL } from './on-hand-delta';
import type { ChannelStockout, PlanningKpi } from './planning-kpi.type';

/** What one read covers: the days, the SKUs (null: all), one warehouse (null: all), the channels (null: all). */
export interface KpiQuery {
  /** Group by SKU (figures of each product) or by warehouse. */
  by: 'sku' | 'warehouse';
  skus: readonly string[] | null;
  warehouseId: string | null;
  channels: readonly string[] | null;
  from: string;
  to: string;
  days: number;
}

// The pairs covered are the stock levels and the pairs with demand in the range. The mean end-of-day on-hand is
// today's on-hand less, for each later movement, its change times the days of the range before its day: the
// closed form of undoing the ledger day by day. `$3`/`$4` are UTC days, movements are placed on their UTC day.
// Shipped units are the allocations handed to carriers in the range: a shipment marks them and writes its SHIP
// movements in one transaction, and the demo's history (shipped before the seed's ledger opens) has only them.
const STOCK_SQL = `
  WITH pairs AS (
    SELECT sku, warehouse_id FROM stock_level
    WHERE ($1::text[] IS NULL OR sku = ANY($1)) AND ($2::uuid IS NULL OR warehouse_id = $2)
    UNION
    SELECT sku, warehouse_id FROM demand_daily
    WHERE day BETWEEN $3::date AND $4::date AND ($1::text[] IS NULL OR sku = ANY($1))
      AND ($2::uuid IS NULL OR warehouse_id = $2)
  ),
  moves AS (
    SELECT m.sku, m.warehouse_id,
           sum((${ON_HAND_DELTA_SQL}) * least(greatest((m.at AT TIME ZONE 'UTC')::date - $3::date, 0),
             $4::date - $3::date + 1)) AS later
    FROM stock_movement m JOIN pairs p ON p.sku = m.sku AND p.warehouse_id = m.warehouse_id
    WHERE NOT m.presale AND m.at >= ($3::date::timestamp AT TIME ZONE 'UTC')
    GROUP BY m.sku, m.warehouse_id
  ),
  shipped AS (
    SELECT a.sku, a.warehouse_id, sum(a.quantity) AS units
    FROM allocation a JOIN pairs p ON p.sku = a.sku AND p.warehouse_id = a.warehouse_id
    WHERE NOT a.presale AND a.shipped_at >= ($3::date::timestamp AT TIME ZONE 'UTC')
      AND a.shipped_at < (($4::date + 1)::timestamp AT TIME ZONE 'UTC')
    GROUP BY a.sku, a.warehouse_id
  ),
  weights AS (
    SELECT d.sku, d.warehouse_id, sum(d.units_demanded) AS demanded
    FROM demand_daily d JOIN pairs p ON p.sku = d.sku AND p.warehouse_id = d.warehouse_id
    WHERE d.day BETWEEN $3::date AND $4::date GROUP BY d.sku, d.warehouse_id
  ),
  pair AS (
    SELECT CASE WHEN $5::text = 'sku' THEN p.sku ELSE p.warehouse_id::text END AS key,
           coalesce(s.on_hand, 0) - coalesce(mv.later, 0)::float8 / ($4::date - $3::date + 1) AS avg_on_hand,
           coalesce(sh.units, 0) AS shipped, coalesce(w.demanded, 0) AS weight,
           CASE WHEN coalesce(w.demanded, 0) > 0 THEN f.holdout_wape END AS wape
    FROM pairs p LEFT JOIN stock_level s USING (sku, warehouse_id) LEFT JOIN moves mv USING (sku, warehouse_id)
      LEFT JOIN shipped sh USING (sku, warehouse_id) LEFT JOIN weights w USING (sku, warehouse_id) LEFT JOIN forecast_fit f USING (sku, warehouse_id)
  )
  SELECT key, coalesce(sum(shipped), 0)::int AS shipped, coalesce(sum(avg_on_hand), 0)::float8 AS "averageOnHand",
         sum(wape * weight)::float8 AS "wapeSum", sum(weight) FILTER (WHERE wape IS NOT NULL)::float8 AS "wapeWeight",
         count(wape)::int AS "forecastPairs"
  FROM pair GROUP BY GROUPING SETS ((key), ())`;

const DEMAND_SQL = `
  SELECT CASE WHEN $5::text = 'sku' THEN sku ELSE warehouse_id::text END AS key, channel,
         sum(units_demanded)::int AS "unitsDemanded", sum(units_short)::int AS "unitsShort"
  FROM demand_daily
  WHERE day BETWEEN $3::date AND $4::date AND ($1::text[] IS NULL OR sku = ANY($1))
    AND ($2::uuid IS NULL OR warehouse_id = $2) AND ($6::text[] IS NULL OR channel = ANY($6))
  GROUP BY 1, 2 ORDER BY 1, 2`;

interface StockRow {
  key: string | null;
  shipped: number;
  averageOnHand: number;
  wapeSum: number | null;
  wapeWeight: number | null;
  forecastPairs: number;
}

const NOTHING: StockRow = {
  key: null,
  shipped: 0,
  averageOnHand: 0,
  wapeSum: null,
  wapeWeight: null,
  forecastPairs: 0,
};

/** The figures of each key (SKU or warehouse id) the read found, and of everything it covered together. */
export interface KpiFigures {
  byKey: Map<string, PlanningKpi>;
  total: PlanningKpi;
}

/** Figures with nothing in them: a key the read found nothing for. */
export function emptyKpi(q: KpiQuery, ids: { sku: string | null; warehouseId: string | null }): PlanningKpi {
  return toKpi(q, ids, NOTHING, []);
}

/** Two statements per call, whatever the number of keys: the stock figures, and the demand per key and channel. */
export async function readKpis(db: Queryable, q: KpiQuery): Promise<KpiFigures> {
  const params = [q.skus, q.warehouseId, q.from, q.to, q.by];
  const stock = (await db.query(STOCK_SQL, params)) as StockRow[];
  const demand =
    q.channels && !q.channels.length
      ? []
      : ((await db.query(DEMAND_SQL, [...params, q.channels])) as (ChannelStockout & { key: string })[]);
  const idsOf = (key: string | null) =>
    q.by === 'sku'
      ? { sku: key, warehouseId: q.warehouseId }
      : { sku: q.skus?.length === 1 ? q.skus[0] : null, warehouseId: key ?? q.warehouseId };
  const stockOf = new Map(stock.map((r) => [r.key, r]));
  const byKey = new Map<string, PlanningKpi>();
  for (const key of new Set([...stock, ...demand].map((r) => r.key)))
    if (key !== null)
      byKey.set(
        key,
        toKpi(
          q,
          idsOf(key),
          stockOf.get(key) ?? NOTHING,
          demand.filter((d) => d.key === key),
        ),
      );
  return { byKey, total: toKpi(q, idsOf(null), stockOf.get(null) ?? NOTHING, mergeChannels(demand)) };
}

/** Every key's channels summed per channel: the figures of all keys together. */
function mergeChannels(demand: ChannelStockout[]): ChannelStockout[] {
  const sums = new Map<string, ChannelStockout>();
  for (const d of demand) {
    const sum = sums.get(d.channel) ?? { channel: d.channel, unitsDemanded: 0, unitsShort: 0, stockoutRate: 0 };
    sum.unitsDemanded += d.unitsDemanded;
    sum.unitsShort += d.unitsShort;
    sums.set(d.channel, sum);
  }
  return [...sums.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

function toKpi(
  q: KpiQuery,
  ids: { sku: string | null; warehouseId: string | null },
  row: StockRow,
  channels: ChannelStockout[],
): PlanningKpi {
  const stockoutByChannel = channels.map((c) => ({
    channel: c.channel,
    unitsDemanded: c.unitsDemanded,
    unitsShort: c.unitsShort,
    stockoutRate: c.unitsShort / c.unitsDemanded,
  }));
  const unitsDemanded = stockoutByChannel.reduce((n, c) => n + c.unitsDemanded, 0);
  const unitsShort = stockoutByChannel.reduce((n, c) => n + c.unitsShort, 0);
  const wape = row.wapeWeight ? (row.wapeSum ?? 0) / row.wapeWeight : null;
  return {
    from: q.from,
    to: q.to,
    days: q.days,
    sku: ids.sku,
    warehouseId: ids.warehouseId,
    unitsShipped: row.shipped,
    averageOnHand: row.averageOnHand,
    inventoryTurnover: row.averageOnHand > 0 ? row.shipped / row.averageOnHand : null,
    unitsDemanded,
    unitsShort,
    stockoutRate: unitsDemanded ? unitsShort / unitsDemanded : null,
    stockoutByChannel,
    forecastWape: wape,
    forecastAccuracy: wape === null ? null : Math.max(0, 1 - wape),
    forecastPairs: row.forecastPairs,
  };
}
