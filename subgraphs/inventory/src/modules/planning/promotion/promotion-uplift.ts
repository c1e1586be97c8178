import type { Queryable } from '@supply-graph/shared';
import { pairKey, type StockPair } from '../forecast/forecast-store';

/** The highest factor on a day's demand: one promotion's uplift, and what overlapping ones reach together. */
export const MAX_UPLIFT = 20;

/**
 * Days of recent demand whose channel mix says how much of a pair's demand a
 * channel promotion lifts: two months, so one slow or busy week does not swing it.
 */
export const SHARE_DAYS = 56;

/** What the factor needs of a promotion running on a day. */
export interface ActivePromotion {
  /** The channels it runs on; null: every channel. */
  channels: readonly string[] | null;
  uplift: number;
}

/**
 * The factor on one day's baseline demand of a SKU x warehouse, from the
 * promotions active that day and the pair's demand by channel (`shares`, summing
 * to 1).
 *
 * A promotion lifts its channels' part of the demand: alone, a promotion of
 * uplift u on channels carrying share s gives 1 + s x (u - 1), and one on every
 * channel gives u. Overlapping promotions multiply on the channels they share (a
 * live stream during a sitewide sale lifts the already lifted demand), each
 * channel's part then weighted by its share: factor = sum over channels c of
 * share_c x product of u over the promotions running on c, at most MAX_UPLIFT.
 *
 * A pair with no demand history (null shares) gets every promotion in full:
 * nothing says which channels it sells through, and its baseline is near zero.
 */
export function upliftFactor(shares: ReadonlyMap<string, number> | null, active: readonly ActivePromotion[]): number {
  if (!active.length) return 1;
  let factor = 0;
  if (shares === null) factor = active.reduce((f, p) => f * p.uplift, 1);
  else {
    for (const [channel, share] of shares) {
      const lift = active.reduce((f, p) => (p.channels === null || p.channels.includes(channel) ? f * p.uplift : f), 1);
      factor += share * lift;
    }
  }
  return Math.min(MAX_UPLIFT, Math.max(1, factor));
}

/** Channel shares from units per channel; null when there were none. */
export function channelShares(units: ReadonlyMap<string, number>): Map<string, number> | null {
  let total = 0;
  for (const u of units.values()) total += u;
  if (!(total > 0)) return null;
  return new Map([...units].filter(([, u]) => u > 0).map(([c, u]) => [c, u / total]));
}

interface PromotionRow extends ActivePromotion {
  skus: string[] | null;
  startsOn: string;
  endsOn: string;
}

// Live promotions overlapping the range that name one of the SKUs or the whole catalogue.
const PROMOTIONS_SQL = `
  SELECT skus, channels, starts_on::text AS "startsOn", ends_on::text AS "endsOn", uplift FROM promotion
  WHERE cancelled_at IS NULL AND starts_on <= $3::date AND ends_on >= $2::date AND (skus IS NULL OR skus && $1::text[])`;

// Units per channel over the share window, per pair and per SKU (the fallback for a pair without recent demand).
// Days some live promotion lifted the SKU are left out: they would tilt the mix toward the promoted channels.
const SHARES_SQL = `
  SELECT d.sku, d.warehouse_id AS "warehouseId", d.channel, sum(d.units_demanded)::float8 AS units
  FROM demand_daily d
  WHERE d.sku = ANY($1::text[]) AND d.day >= $2::date AND d.day < $3::date
    AND NOT EXISTS (SELECT 1 FROM promotion p WHERE p.cancelled_at IS NULL AND d.day BETWEEN p.starts_on AND p.ends_on
                      AND (p.skus IS NULL OR d.sku = ANY(p.skus)))
  GROUP BY GROUPING SETS ((d.sku, d.warehouse_id, d.channel), (d.sku, d.channel))`;

/**
 * Planned promotions' effect on demand: per SKU x warehouse (`pairKey`) and
 * day (YYYY-MM-DD, `from` to `to` inclusive), the factor that multiplies the
 * baseline forecast on that day (`upliftFactor`). Days without an active
 * promotion are absent (factor 1).
 *
 * Every planning figure that reads a forecast (the forecast field, safety
 * stock, reorder points, transfers, replenishment) goes through this one
 * function, so a promotion raises all of them alike; a refit asks it for the
 * history's days to fit the baseline under past promotions.
 *
 * Channel shares come from the pair's demand over the SHARE_DAYS before today
 * (the SKU's over all warehouses when the pair has none). Two statements
 * whatever the number of pairs, the second only when some promotion overlaps.
 */
export async function plannedUplift(
  db: Queryable,
  pairs: readonly StockPair[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, number>>> {
  const found = new Map<string, Map<string, number>>();
  if (!pairs.length || from > to) return found;
  const skus = [...new Set(pairs.map((p) => p.sku))];
  const promotions = (await db.query(PROMOTIONS_SQL, [skus, from, to])) as PromotionRow[];
  if (!promotions.length) return found;
  const today = Math.floor(Date.now() / DAY) * DAY;
  const rows = (await db.query(SHARES_SQL, [skus, dayOf(today - SHARE_DAYS * DAY), dayOf(today)])) as {
    sku: string;
    warehouseId: string | null;
    channel: string;
    units: number;
  }[];
  const units = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = r.warehouseId === null ? r.sku : pairKey({ sku: r.sku, warehouseId: r.warehouseId });
    const byChannel = units.get(key) ?? new Map<string, number>();
    byChannel.set(r.channel, r.units);
    units.set(key, byChannel);
  }
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  for (const pair of pairs) {
    const key = pairKey(pair);
    const mine = promotions.filter((p) => p.skus === null || p.skus.includes(pair.sku));
    if (!mine.length) continue;
    const shares = channelShares(units.get(key) ?? new Map()) ?? channelShares(units.get(pair.sku) ?? new Map());
    const days = new Map<string, number>();
    for (let t = first; t <= last; t += DAY) {
      const day = dayOf(t);
      const factor = upliftFactor(
        shares,
        mine.filter((p) => p.startsOn <= day && day <= p.endsOn),
      );
      if (factor !== 1) days.set(day, factor);
    }
    if (days.size) found.set(key, days);
  }
  return found;
}

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
