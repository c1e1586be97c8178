import type { OrderPlaced, SqlExecutor } from '@supply-graph/shared';
import { orderPools } from '../presale/presale-pools';
import { addAhead, DEFAULT_CHANNEL_PRIORITY, type UnitsAhead } from './channel-priority.rule';
import { quotaBreaches, type QuotaState } from './quota-rule';

/*
 * The backorder queue read in channel-priority order (channel-priority.rule.ts
 * has the rule). Callers hold the stock rows of the SKUs concerned, so no order
 * needing them joins or leaves the queue meanwhile: what these reads see of
 * those SKUs stays true until the caller commits.
 */

const PRIORITY_OF = `coalesce((SELECT priority FROM channel_priority WHERE channel = $1), ${DEFAULT_CHANNEL_PRIORITY})`;

// The channel's priority, and whether any channel (or the default) ranks above it: usually no, and then no queue scan.
const STANDING_SQL = `
  SELECT ${PRIORITY_OF} AS priority,
         greatest(coalesce(max(priority), ${DEFAULT_CHANNEL_PRIORITY}), ${DEFAULT_CHANNEL_PRIORITY}) > ${PRIORITY_OF}
           AS "anyAbove"
  FROM channel_priority`;

const ABOVE_SQL = `
  SELECT b.order_id AS "orderId", b.request->>'channel' AS channel, b.request->'lines' AS lines
  FROM backorder b LEFT JOIN channel_priority cp ON cp.channel = b.request->>'channel'
  WHERE coalesce(cp.priority, ${DEFAULT_CHANNEL_PRIORITY}) > $1 AND b.order_id <> $2
    AND EXISTS (SELECT 1 FROM jsonb_array_elements(b.request->'lines') l WHERE l->>'sku' = ANY($3))`;

const QUOTAS_SQL = `
  SELECT q.channel, q.sku, q.max_units AS "maxUnits", round(q.max_share * 10000)::int AS "shareBp", q.held,
         coalesce((SELECT sum(s.on_hand) FROM stock_level s WHERE s.sku = q.sku), 0)::int AS "onHand"
  FROM channel_quota q JOIN unnest($1::text[], $2::text[]) AS w(channel, sku) USING (channel, sku)`;

/**
 * The units of these SKUs that waiting orders of channels ranked above the
 * order's channel need (per pool key), leaving out orders their own channel's
 * quota holds back; and the order's channel priority.
 */
export async function unitsAhead(
  db: SqlExecutor,
  order: Pick<OrderPlaced, 'orderId' | 'channel'>,
  skus: string[],
): Promise<{ priority: number; ahead: UnitsAhead }> {
  const [standing] = (await db.query(STANDING_SQL, [order.channel])) as { priority: number; anyAbove: boolean }[];
  const ahead: UnitsAhead = new Map();
  if (!standing.anyAbove) return { priority: standing.priority, ahead };
  const waiting = (await db.query(ABOVE_SQL, [standing.priority, order.orderId, skus])) as {
    orderId: string;
    channel: string;
    lines: OrderPlaced['lines'];
  }[];
  if (!waiting.length) return { priority: standing.priority, ahead };
  const pools = waiting.map((w) => ({ channel: w.channel, pools: orderPools(w.lines) }));
  const pairs = pools.flatMap((w) => [...w.pools.regularDemand.keys()].map((sku) => ({ channel: w.channel, sku })));
  const quotas = (await db.query(QUOTAS_SQL, [pairs.map((p) => p.channel), pairs.map((p) => p.sku)])) as (QuotaState & {
    channel: string;
    onHand: number;
  })[];
  for (const w of pools) {
    const own = quotas.filter((q) => q.channel === w.channel);
    const onHand = new Map(own.map((q) => [q.sku, q.onHand]));
    if (quotaBreaches(own, w.pools.regularDemand, onHand).length) continue;
    addAhead(ahead, w.pools);
  }
  return { priority: standing.priority, ahead };
}

/**
 * The waiting orders to offer stock of these SKUs, by channel priority, then
 * age, each locked (one another transaction is offering stock to is skipped:
 * it decides on it). With priorities in use, the orders waiting for any other
 * SKU of those orders come too: one served there no longer holds units back
 * from lower-priority orders of that SKU.
 */
export async function waitingOrders(
  db: SqlExecutor,
  skus: string[],
): Promise<{ order_id: string; request: OrderPlaced }[]> {
  return (await db.query(
    `WITH ranked AS (SELECT EXISTS (SELECT 1 FROM channel_priority WHERE priority <> ${DEFAULT_CHANNEL_PRIORITY}) AS on),
     wider AS (
       SELECT DISTINCT l->>'sku' AS sku
       FROM ranked, backorder b CROSS JOIN LATERAL jsonb_array_elements(b.request->'lines') l
       WHERE ranked.on AND EXISTS (SELECT 1 FROM jsonb_array_elements(b.request->'lines') x WHERE x->>'sku' = ANY($1))
     ),
     wanted AS (SELECT unnest($1::text[]) AS sku UNION SELECT sku FROM wider)
     SELECT b.order_id, b.request FROM backorder b LEFT JOIN channel_priority cp ON cp.channel = b.request->>'channel'
     WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(b.request->'lines') l WHERE l->>'sku' IN (SELECT sku FROM wanted))
     ORDER BY coalesce(cp.priority, ${DEFAULT_CHANNEL_PRIORITY}) DESC, b.created_at, b.order_id
     FOR UPDATE OF b SKIP LOCKED`,
    [skus],
  )) as { order_id: string; request: OrderPlaced }[];
}
