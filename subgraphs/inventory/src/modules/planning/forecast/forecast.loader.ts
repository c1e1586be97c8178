import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { plannedUplift } from '../promotion/promotion-uplift';
import { pairKey, type StockPair } from './forecast-store';

/** One field's forecast request: a SKU at a warehouse (null: at every warehouse with a forecast), `days` from today. */
export interface ForecastKey {
  sku: string;
  warehouseId: string | null;
  days: number;
}

/** A stored day with the planned promotions applied: point, lower and upper are the baseline's times the uplift. */
export interface PlannedDay {
  date: string;
  baseline: number;
  point: number;
  lower: number;
  upper: number;
  uplift: number;
}

/** One SKU x warehouse's stored fit and its planned days. */
export interface PairForecast extends StockPair {
  model: string;
  level: number;
  fittedAt: Date;
  holdoutWape: number | null;
  errorSd: number;
  meanDaily: number;
  days: PlannedDay[];
}

// Every key's fits with their days from $4 for the key's number of days, in one statement whatever the mix of keys.
const FORECAST_SQL = `
  SELECT k.i::int AS i, f.sku, f.warehouse_id AS "warehouseId", f.model, f.level, f.fitted_at AS "fittedAt",
         f.holdout_wape AS "holdoutWape", f.error_sd AS "errorSd", f.mean_daily AS "meanDaily",
         coalesce(json_agg(json_build_array(d.day, d.point, d.lower, d.upper) ORDER BY d.day)
                  FILTER (WHERE d.day IS NOT NULL), '[]') AS days
  FROM unnest($1::text[], $2::uuid[], $3::int[]) WITH ORDINALITY AS k(sku, warehouse_id, days, i)
  JOIN forecast_fit f ON f.sku = k.sku AND (k.warehouse_id IS NULL OR f.warehouse_id = k.warehouse_id)
  LEFT JOIN forecast_day d ON d.sku = f.sku AND d.warehouse_id = f.warehouse_id
    AND d.day >= $4::date AND d.day < $4::date + k.days
  GROUP BY k.i, f.sku, f.warehouse_id
  ORDER BY k.i, f.warehouse_id`;

type Row = Omit<PairForecast, 'days'> & { i: number; days: [string, number, number, number][] };

const DAY_MS = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const cacheKey = (k: ForecastKey) => `${k.sku}\u0000${k.warehouseId}\u0000${k.days}`;

/**
 * Per-request forecast loaders: one statement for the stored fits and days of
 * every key in a batch, then the planned promotions of the pairs it found
 * (`plannedUplift`, the one place promotions enter every planning figure).
 */
export function createForecastLoaders(db: DataSource) {
  return {
    forecast: new DataLoader<ForecastKey, PairForecast[], string>(
      async (keys) => {
        const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
        const rows = (await db.query(FORECAST_SQL, [
          keys.map((k) => k.sku),
          keys.map((k) => k.warehouseId),
          keys.map((k) => k.days),
          dayOf(today),
        ])) as Row[];
        const longest = Math.max(...keys.map((k) => k.days));
        const pairs = [...new Map(rows.map((r) => [pairKey(r), { sku: r.sku, warehouseId: r.warehouseId }])).values()];
        const uplift = pairs.length
          ? await plannedUplift(db, pairs, dayOf(today), dayOf(today + (longest - 1) * DAY_MS))
          : new Map<string, Map<string, number>>();
        const found: PairForecast[][] = keys.map(() => []);
        for (const { i, days, ...fit } of rows) {
          const factors = uplift.get(pairKey(fit));
          found[i - 1].push({
            ...fit,
            days: days.map(([date, point, lower, upper]) => {
              const u = factors?.get(date) ?? 1;
              return { date, baseline: point, point: point * u, lower: lower * u, upper: upper * u, uplift: u };
            }),
          });
        }
        return found;
      },
      { cacheKeyFn: cacheKey },
    ),
  };
}
