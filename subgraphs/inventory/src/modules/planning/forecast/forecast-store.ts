import type { Queryable } from '@supply-graph/shared';

/**
 * The stored forecasts (`forecast_fit`, `forecast_day`, migration
 * 1765400000000-Forecasts): written by a refit, read by every planning
 * figure. Forecast days are the baseline without promotions; readers that
 * want the planned demand apply the promotions' uplift on top.
 */

/** One SKU x warehouse: the pair every forecast figure is keyed by. */
export interface StockPair {
  sku: string;
  warehouseId: string;
}

export const pairKey = (p: StockPair): string => `${p.sku}@${p.warehouseId}`;

export interface StoredFit extends StockPair {
  /** The model the refit chose (`ForecastModelName`). */
  model: string;
  /** The share of days the stored intervals should contain, e.g. 0.8. */
  level: number;
  /** Days of demand history the fit saw. */
  historyDays: number;
  /** Mean units per day over the recent history. */
  meanDaily: number;
  /** Standard deviation of the daily forecast error on held-out days, in units: safety stock's sigma. */
  errorSd: number;
  /** WAPE on the held-out days (0.25 = 25 %); null when the history was too short to hold days out. */
  holdoutWape: number | null;
  /** The first forecast day, YYYY-MM-DD (UTC). */
  firstDay: string;
  fittedAt: Date;
}

export interface StoredForecastDay extends StockPair {
  /** YYYY-MM-DD (UTC). */
  day: string;
  point: number;
  lower: number;
  upper: number;
}

const FIT_COLUMNS = `sku, warehouse_id AS "warehouseId", model, level, history_days AS "historyDays",
  mean_daily AS "meanDaily", error_sd AS "errorSd", holdout_wape AS "holdoutWape", first_day::text AS "firstDay",
  fitted_at AS "fittedAt"`;

/**
 * Replaces the forecasts of the fitted pairs: their old days go, the new fit
 * and days come in. Run it inside a transaction so readers never see a pair
 * half-replaced. Pairs not in `fits` keep what they had.
 */
export async function replaceForecasts(
  db: Queryable,
  fits: readonly StoredFit[],
  days: readonly StoredForecastDay[],
): Promise<void> {
  if (!fits.length) return;
  // Deleting the fits cascades to their days.
  await db.query(
    `DELETE FROM forecast_fit f USING unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id)
     WHERE f.sku = p.sku AND f.warehouse_id = p.warehouse_id`,
    [fits.map((f) => f.sku), fits.map((f) => f.warehouseId)],
  );
  await db.query(
    `INSERT INTO forecast_fit (sku, warehouse_id, model, level, history_days, mean_daily, error_sd, holdout_wape,
       first_day, fitted_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::float8[], $5::int[], $6::float8[], $7::float8[],
       $8::float8[], $9::date[], $10::timestamptz[])`,
    [
      fits.map((f) => f.sku),
      fits.map((f) => f.warehouseId),
      fits.map((f) => f.model),
      fits.map((f) => f.level),
      fits.map((f) => f.historyDays),
      fits.map((f) => f.meanDaily),
      fits.map((f) => f.errorSd),
      fits.map((f) => f.holdoutWape),
      fits.map((f) => f.firstDay),
      fits.map((f) => f.fittedAt.toISOString()),
    ],
  );
  // In slices: one statement's parameters stay bounded however many pairs a refit covers.
  for (let i = 0; i < days.length; i += 20_000) {
    const slice = days.slice(i, i + 20_000);
    await db.query(
      `INSERT INTO forecast_day (sku, warehouse_id, day, point, lower, upper)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::date[], $4::float8[], $5::float8[], $6::float8[])`,
      [
        slice.map((d) => d.sku),
        slice.map((d) => d.warehouseId),
        slice.map((d) => d.day),
        slice.map((d) => d.point),
        slice.map((d) => d.lower),
        slice.map((d) => d.upper),
      ],
    );
  }
}

/** The stored fits of these pairs, by `pairKey`; a pair never fitted is absent. */
export async function readFits(db: Queryable, pairs: readonly StockPair[]): Promise<Map<string, StoredFit>> {
  if (!pairs.length) return new Map();
  const rows = (await db.query(
    `SELECT ${FIT_COLUMNS} FROM forecast_fit f
     JOIN unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id) USING (sku, warehouse_id)`,
    [pairs.map((p) => p.sku), pairs.map((p) => p.warehouseId)],
  )) as StoredFit[];
  return new Map(rows.map((r) => [pairKey(r), r]));
}

/**
 * The stored baseline days of these pairs from `from` to `to` (YYYY-MM-DD,
 * inclusive), oldest first, by `pairKey`; a day past the stored horizon is absent.
 */
export async function readForecastDays(
  db: Queryable,
  pairs: readonly StockPair[],
  from: string,
  to: string,
): Promise<Map<string, StoredForecastDay[]>> {
  const found = new Map<string, StoredForecastDay[]>();
  if (!pairs.length) return found;
  const rows = (await db.query(
    `SELECT sku, warehouse_id AS "warehouseId", day::text AS day, point, lower, upper FROM forecast_day d
     JOIN unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id) USING (sku, warehouse_id)
     WHERE d.day BETWEEN $3::date AND $4::date
     ORDER BY sku, warehouse_id, d.day`,
    [pairs.map((p) => p.sku), pairs.map((p) => p.warehouseId), from, to],
  )) as StoredForecastDay[];
  for (const r of rows) {
    const key = pairKey(r);
    const list = found.get(key);
    if (list) list.push(r);
    else found.set(key, [r]);
  }
  return found;
}
