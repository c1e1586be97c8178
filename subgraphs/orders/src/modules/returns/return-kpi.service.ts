import { badUserInput } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { kpiWindowProblems } from '../kpi/kpi.service';
import type { ReturnKpis, ReturnRateRow } from './return.type';

/** How many SKUs `bySku` lists, most returned first. */
export const RETURN_KPI_SKUS = 100;

/**
 * Units sold: the lines of orders placed in [from, to) that shipped (SHIPPED,
 * DELIVERED or RETURNED). Units returned: those orders' units in returns that
 * are not rejected. One statement, grouped three ways; the caller's channel
 * scope is a condition of it.
 */
const RETURN_KPI_SQL = `
  WITH o AS MATERIALIZED (
    SELECT id, channel_code FROM sales_order
    WHERE placed_at >= $1 AND placed_at < $2 AND status IN ('SHIPPED', 'DELIVERED', 'RETURNED')
      AND ($3::text IS NULL OR channel_code = $3) AND ($4::text[] IS NULL OR channel_code = ANY($4::text[]))
  ),
  sold AS (SELECT o.channel_code, l.sku, l.quantity FROM o JOIN order_line l ON l.order_id = o.id),
  ret AS (
    SELECT o.channel_code, rl.sku, r.reason, rl.quantity
    FROM o JOIN order_return r ON r.order_id = o.id AND r.status <> 'REJECTED'
    JOIN order_return_line rl ON rl.return_id = r.id
  ),
  by_sku AS (
    SELECT 'sku' AS dim, sku AS key, s.n AS sold, r.n AS returned
    FROM (SELECT sku, sum(quantity) AS n FROM sold GROUP BY sku) s
    JOIN (SELECT sku, sum(quantity) AS n FROM ret GROUP BY sku) r USING (sku)
  ),
  by_channel AS (
    SELECT 'channel' AS dim, channel_code AS key, s.n AS sold, coalesce(r.n, 0) AS returned
    FROM (SELECT channel_code, sum(quantity) AS n FROM sold GROUP BY channel_code) s
    LEFT JOIN (SELECT channel_code, sum(quantity) AS n FROM ret GROUP BY channel_code) r USING (channel_code)
  ),
  by_reason AS (
    SELECT 'reason' AS dim, reason AS key, (SELECT sum(quantity) FROM sold) AS sold, sum(quantity) AS returned
    FROM ret GROUP BY reason
  )
  SELECT dim, key, sold::int AS sold, returned::int AS returned
  FROM (SELECT * FROM by_sku UNION ALL SELECT * FROM by_channel UNION ALL SELECT * FROM by_reason) k`;

interface Row {
  dim: 'sku' | 'channel' | 'reason';
  key: string;
  sold: number;
  returned: number;
}

const rate = (returned: number, sold: number) => (sold > 0 ? returned / sold : null);
const toRow = (r: Row): ReturnRateRow => ({
  key: r.key,
  unitsSold: r.sold,
  unitsReturned: r.returned,
  returnRate: rate(r.returned, r.sold),
});

export async function returnKpis(
  ctx: OrdersContext,
  from: Date,
  to: Date,
  channel: string | null,
): Promise<ReturnKpis> {
  const problems = kpiWindowProblems(from, to);
  if (problems.length) {
    throw badUserInput(`Invalid KPI window: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  }
  const code = channel == null ? null : channel.trim().toLowerCase();
  const rows = (await ctx.db.query(RETURN_KPI_SQL, [from, to, code, ctx.principal.channels])) as Row[];
  const of = (dim: Row['dim']) => rows.filter((r) => r.dim === dim);
  const byChannel = of('channel').sort((a, b) => a.key.localeCompare(b.key));
  const unitsSold = byChannel.reduce((a, r) => a + r.sold, 0);
  const unitsReturned = byChannel.reduce((a, r) => a + r.returned, 0);
  return {
    unitsSold,
    unitsReturned,
    returnRate: rate(unitsReturned, unitsSold),
    bySku: of('sku')
      .sort((a, b) => b.returned - a.returned || a.key.localeCompare(b.key))
      .slice(0, RETURN_KPI_SKUS)
      .map(toRow),
    byChannel: byChannel.map(toRow),
    byReason: of('reason')
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(toRow),
  };
}
