import { badUserInput, type InputProblem } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { Money } from '../../common/money.type';
import type { ChannelDayKpi } from './kpi.type';

/** Longest window one `channelKpis` call covers, so one answer stays a screenful of rows per channel. */
export const MAX_KPI_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * Every figure in one statement, grouped by channel and UTC day of placedAt.
 * Timestamps come from the status history (the first SHIPPED and DELIVERED
 * changes) and from order_shipment's ETAs; amounts stay numeric and leave as
 * text; percentiles are percentile_cont over hours.
 */
const KPI_SQL = `
  WITH o AS MATERIALIZED (
    SELECT id, channel_code, currency, total, status, placed_at,
           to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM sales_order
    WHERE placed_at >= $1 AND placed_at < $2 AND ($3::text IS NULL OR channel_code = $3)
      AND ($4::text[] IS NULL OR channel_code = ANY($4::text[]))
  ),
  h AS (
    SELECT c.order_id,
           min(c.at) FILTER (WHERE c.to_status = 'SHIPPED') AS shipped_at,
           min(c.at) FILTER (WHERE c.to_status = 'DELIVERED') AS delivered_at,
           bool_or(c.to_status = 'BACKORDERED') AS backordered
    FROM order_status_change c WHERE c.order_id IN (SELECT id FROM o) GROUP BY c.order_id
  ),
  s AS (
    SELECT order_id, max(estimated_delivery_at) AS eta, bool_and(estimated_delivery_at IS NOT NULL) AS eta_known
    FROM order_shipment WHERE order_id IN (SELECT id FROM o) GROUP BY order_id
  ),
  f AS (
    SELECT o.channel_code, o.day, h.shipped_at, h.delivered_at, coalesce(h.backordered, false) AS backordered,
           CASE WHEN h.delivered_at IS NOT NULL AND s.eta_known THEN h.delivered_at <= s.eta END AS on_time,
           (extract(epoch FROM h.shipped_at - o.placed_at) / 3600)::float8 AS hours
    FROM o LEFT JOIN h ON h.order_id = o.id LEFT JOIN s ON s.order_id = o.id
  ),
  per_currency AS (
    SELECT channel_code, day, currency, count(*) AS orders,
           count(*) FILTER (WHERE status <> 'CANCELLED') AS revenue_orders,
           coalesce(sum(total) FILTER (WHERE status <> 'CANCELLED'), 0) AS revenue
    FROM o GROUP BY channel_code, day, currency
  ),
  money AS (
    SELECT channel_code, day,
           (array_agg(currency ORDER BY orders DESC, currency))[1] AS currency,
           (array_agg(round(revenue, 2)::text ORDER BY orders DESC, currency))[1] AS revenue,
           coalesce(json_agg(json_build_object('amount', round(revenue, 2)::text, 'currency', currency)
           ORDER BY currency)
             FILTER (WHERE revenue_orders > 0), '[]') AS by_currency
    FROM per_currency GROUP BY channel_code, day
  ),
  kpi AS (
    SELECT channel_code, day, count(*)::int AS orders, count(shipped_at)::int AS shipped,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours IS NOT NULL) AS p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours IS NOT NULL) AS p90,
           (count(*) FILTER (WHERE NOT backordered))::float8 / count(*) AS fill_rate,
           count(delivered_at)::int AS delivered,
           (count(*) FILTER (WHERE on_time))::float8 / nullif(count(on_time), 0) AS on_time_rate
    FROM f GROUP BY channel_code, day
  )
  SELECT k.channel_code AS "channelCode", k.day, k.orders, k.shipped, k.p50, k.p90, k.fill_rate AS "fillRate",
         k.delivered, k.on_time_rate AS "onTimeRate", m.currency, m.revenue, m.by_currency AS "byCurrency"
  FROM kpi k JOIN money m USING (channel_code, day)
  ORDER BY k.channel_code, k.day`;

interface KpiRow {
  channelCode: string;
  day: string;
  orders: number;
  shipped: number;
  p50: number | null;
  p90: number | null;
  fillRate: number;
  delivered: number;
  onTimeRate: number | null;
  currency: string;
  revenue: string;
  byCurrency: Money[];
}

/** Every problem of a KPI window: both ends valid, from before to, at most MAX_KPI_DAYS apart. */
export function kpiWindowProblems(from: Date, to: Date): InputProblem[] {
  const problems: InputProblem[] = [];
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', message: 'is not a valid date-time' });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', message: 'is not a valid date-time' });
  if (problems.length) return problems;
  if (to.getTime() <= from.getTime()) problems.push({ field: 'to', message: 'must be after from' });
  else if (to.getTime() - from.getTime() > MAX_KPI_DAYS * DAY_MS) {
    problems.push({ field: 'to', message: `the window may span at most ${MAX_KPI_DAYS} days` });
  }
  return problems;
}

const toKpi = (row: KpiRow): ChannelDayKpi => ({
  channelCode: row.channelCode,
  day: row.day,
  orders: row.orders,
  revenue: { amount: row.revenue, currency: row.currency },
  revenueByCurrency: row.byCurrency,
  shippedOrders: row.shipped,
  processingHoursP50: row.p50,
  processingHoursP90: row.p90,
  fillRate: row.fillRate,
  deliveredOrders: row.delivered,
  onTimeDeliveryRate: row.onTimeRate,
});

/** Channel KPIs per UTC day; the definitions are in `ChannelDayKpi`'s descriptions. */
export const kpiService = {
  /**
   * Orders placed in [from, to), one row per channel and day that has orders, by channel then day;
   * a channel-scoped caller gets its channels' rows only, whatever channel it asks for.
   */
  async channelKpis(ctx: OrdersContext, from: Date, to: Date, channel: string | null): Promise<ChannelDayKpi[]> {
    const problems = kpiWindowProblems(from, to);
    if (problems.length)
      throw badUserInput(`Invalid KPI window: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
    const code = channel == null ? null : channel.trim().toLowerCase();
    const rows = (await ctx.db.query(KPI_SQL, [from, to, code, ctx.principal.channels])) as KpiRow[];
    return rows.map(toKpi);
  },
};
