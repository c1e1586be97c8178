import type { Queryable } from '@supply-graph/shared';
import { pairKey, readFits, readForecastDays, type StockPair, type StoredFit } from '../forecast/forecast-store';
import { plannedUplift } from '../promotion/promotion-uplift';
import { leadTimeWindow } from './safety-stock-formula';

/** One SKU x warehouse's planned demand over its lead time: what safety stock and the reorder point are made of. */
export interface LeadTimeInputs {
  /** The stored fit; absent when the pair was never fitted. */
  fit?: StoredFit;
  /** The lead-time days, YYYY-MM-DD from today. */
  days: string[];
  /** The stored baseline forecast of those days (a day past the stored horizon is absent). */
  baseline: Map<string, number>;
  /** Planned promotions' factor per day (absent: 1). */
  uplift: Map<string, number>;
}

/**
 * The forecast inputs of each pair over its own lead time (`leadTimeDays` by
 * `pairKey`), from `today` on: three statements for any number of pairs. The
 * promotions' uplift comes from `plannedUplift`, the one seam every planning
 * figure reads promotions through.
 */
export async function readLeadTimeInputs(
  db: Queryable,
  pairs: readonly StockPair[],
  leadTimeDays: ReadonlyMap<string, number>,
  today: string,
): Promise<Map<string, LeadTimeInputs>> {
  const found = new Map<string, LeadTimeInputs>();
  if (!pairs.length) return found;
  const longest = Math.max(...pairs.map((p) => leadTimeDays.get(pairKey(p)) ?? 1));
  const horizon = leadTimeWindow(today, longest);
  const last = horizon[horizon.length - 1];
  // One after another: `db` may be a transaction's single connection.
  const fits = await readFits(db, pairs);
  const days = await readForecastDays(db, pairs, today, last);
  const uplift = await plannedUplift(db, pairs, today, last);
  for (const pair of pairs) {
    const key = pairKey(pair);
    const window = horizon.slice(0, leadTimeDays.get(key) ?? 1);
    const inside = new Set(window);
    found.set(key, {
      fit: fits.get(key),
      days: window,
      baseline: new Map((days.get(key) ?? []).filter((d) => inside.has(d.day)).map((d) => [d.day, d.point])),
      uplift: new Map([...(uplift.get(key) ?? [])].filter(([day]) => inside.has(day))),
    });
  }
  return found;
}
