import { runInBackground, type Queryable, type ServiceEvents } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import type { ForecastRefitSettings } from '../../../config';
import { plannedUplift } from '../promotion/promotion-uplift';
import type { DemandSeries } from './forecast-model';
import type { ForecastPool } from './forecast-pool';
import { fitWithHoldout, REFIT_HORIZON, type FittedSeries } from './forecast-refit';
import { pairKey, replaceForecasts, type StockPair, type StoredFit, type StoredForecastDay } from './forecast-store';

/** The share of days the stored intervals are calibrated to hold. */
export const FORECAST_LEVEL = 0.8;
/** Retail demand's season: the week. */
const SEASON_DAYS = 7;
/** How often a caller waiting for another replica's refit asks for the lock again. */
const LOCK_POLL_MS = 250;

export interface RefitDeps {
  /** Reads, and the connection that holds the refit lock. */
  db: DataSource;
  /** Writes the forecasts in one transaction. */
  events: Pick<ServiceEvents, 'transaction'>;
  pool: ForecastPool;
  settings: Pick<ForecastRefitSettings, 'historyDays'>;
}

export interface RefitRequest {
  /** Refit only these SKUs' stock levels; all of them when absent. */
  skus?: readonly string[] | null;
  /** The refit's clock: the history ends the UTC day before, the forecast starts on its day. Default: now. */
  now?: Date;
}

/** What a refit did. */
export interface RefitOutcome {
  /** SKU x warehouse pairs fitted (every stock level asked for, demand or not). */
  fitted: number;
  /** Pairs per model chosen, most used first. */
  byModel: { model: string; series: number }[];
  /** WAPE over every held-out day of the refit (sum |error| / sum actual); null when nothing was held out or sold. */
  holdoutWape: number | null;
  fittedAt: Date;
  durationMs: number;
}

/**
 * Refits the stored forecasts of every stock level (or the given SKUs'):
 * reads the daily demand of the history window, fits on the worker pool
 * (forecast-refit.ts: holdout scores, calibrated intervals, REFIT_HORIZON days
 * ahead) and replaces those pairs' forecasts in one transaction; other pairs
 * keep theirs. One refit at a time across replicas (a PostgreSQL advisory
 * lock): a second caller waits for the first to finish, then refits.
 */
export function refitForecasts(deps: RefitDeps, request: RefitRequest = {}): Promise<RefitOutcome> {
  return withRefitLock(deps.db, true, () => refit(deps, request)) as Promise<RefitOutcome>;
}

/**
 * The schedule's refit: all stock levels, when there are stock levels and
 * either no stored forecast or one fitted over `intervalMs` ago. Returns null
 * without waiting when another refit is running (it brings the forecasts up
 * to date), and null when nothing was due.
 */
export function refitIfDue(deps: RefitDeps, intervalMs: number, now?: Date): Promise<RefitOutcome | null> {
  return withRefitLock(deps.db, false, async () => {
    const [{ due }] = (await deps.db.query(
      `SELECT EXISTS (SELECT 1 FROM stock_level)
         AND coalesce((SELECT min(fitted_at) FROM forecast_fit) < $1::timestamptz - make_interval(secs => $2 / 1000.0),
                      true) AS due`,
      [(now ?? new Date()).toISOString(), intervalMs],
    )) as { due: boolean }[];
    return due ? refit(deps, { now }) : null;
  });
}

/**
 * Runs `fn` holding the refit's session advisory lock on a connection of its
 * own (so no transaction stays open while the pool fits). `wait`: poll until
 * the lock is free (a request's deadline still stops the polling); otherwise
 * null at once when it is taken.
 */
async function withRefitLock<T>(db: DataSource, wait: boolean, fn: () => Promise<T>): Promise<T | null> {
  const runner = db.createQueryRunner();
  try {
    for (;;) {
      const [{ locked }] = (await runner.query(
        "SELECT pg_try_advisory_lock(hashtext(current_schema() || '.forecast-refit')) AS locked",
      )) as { locked: boolean }[];
      if (locked) break;
      if (!wait) return null;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      return await fn();
    } finally {
      // Also after the request's deadline, which stops its statements: a pooled connection must not keep the lock.
      await runInBackground(() =>
        runner.query("SELECT pg_advisory_unlock(hashtext(current_schema() || '.forecast-refit'))"),
      );
    }
  } finally {
    await runner.release();
  }
}

const DAY_MS = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

async function refit(deps: RefitDeps, request: RefitRequest): Promise<RefitOutcome> {
  const started = performance.now();
  const fittedAt = request.now ?? new Date();
  const today = Math.floor(fittedAt.getTime() / DAY_MS) * DAY_MS;
  const to = dayOf(today - DAY_MS);
  const from = dayOf(today - deps.settings.historyDays * DAY_MS);
  const skus = request.skus ? [...new Set(request.skus)] : null;
  const history = await readHistory(deps.db, skus, from, to, deps.settings.historyDays);
  const uplift = await plannedUplift(deps.db, history, from, to);
  const series = history.map((h) => seriesOf(h, from, uplift.get(pairKey(h))));
  const fitted = await fitWithHoldout(deps.pool, series, {
    level: FORECAST_LEVEL,
    seasonLength: SEASON_DAYS,
    horizon: REFIT_HORIZON,
  });
  const fits: StoredFit[] = [];
  const days: StoredForecastDay[] = [];
  fitted.forEach((f, i) => {
    const pair = { sku: history[i].sku, warehouseId: history[i].warehouseId };
    fits.push({ ...pair, ...fitColumns(f), firstDay: dayOf(today), fittedAt });
    for (const d of f.days) days.push({ ...pair, day: d.date, point: d.point, lower: d.lower, upper: d.upper });
  });
  await deps.events.transaction(async (tx) => {
    // A full refit also drops the forecasts of stock levels that are gone.
    if (!skus)
      await tx.manager.query(
        'DELETE FROM forecast_fit f WHERE NOT EXISTS (SELECT 1 FROM stock_level s WHERE (s.sku, s.warehouse_id) = ' +
          '(f.sku, f.warehouse_id))',
      );
    await replaceForecasts(tx.manager, fits, days);
  });
  return {
    fitted: fits.length,
    byModel: countModels(fitted),
    holdoutWape: overallWape(fitted),
    fittedAt,
    durationMs: Math.round(performance.now() - started),
  };
}

interface PairHistory extends StockPair {
  /** Units demanded per day of the window (all channels), index 0 = the window's first day. */
  demand: number[];
}

// Every stock level asked for, with its demanded units (met or not, all channels) on the days that had any.
const HISTORY_SQL = `
  SELECT s.sku, s.warehouse_id AS "warehouseId",
         coalesce(array_agg(d.day - $2::date ORDER BY d.day) FILTER (WHERE d.day IS NOT NULL), '{}') AS offsets,
         coalesce(array_agg(d.units ORDER BY d.day) FILTER (WHERE d.day IS NOT NULL), '{}') AS units
  FROM stock_level s
  LEFT JOIN (
    SELECT sku, warehouse_id, day, sum(units_demanded)::int AS units FROM demand_daily
    WHERE day BETWEEN $2::date AND $3::date AND ($1::text[] IS NULL OR sku = ANY($1))
    GROUP BY sku, warehouse_id, day
  ) d USING (sku, warehouse_id)
  WHERE $1::text[] IS NULL OR s.sku = ANY($1)
  GROUP BY s.sku, s.warehouse_id
  ORDER BY s.sku, s.warehouse_id`;

async function readHistory(
  db: Queryable,
  skus: string[] | null,
  from: string,
  to: string,
  days: number,
): Promise<PairHistory[]> {
  const rows = (await db.query(HISTORY_SQL, [skus, from, to])) as (StockPair & {
    offsets: number[];
    units: number[];
  })[];
  return rows.map(({ sku, warehouseId, offsets, units }) => {
    const demand = new Array<number>(days).fill(0);
    offsets.forEach((offset, i) => {
      demand[offset] = units[i];
    });
    return { sku, warehouseId, demand };
  });
}

/**
 * A pair's series for the engine. It starts at the pair's first day with
 * demand in the window: the days before are most likely before the product
 * was sold there, and a run of zeros would read as a trend. A pair with no
 * demand at all keeps the whole window (a flat zero forecast, certain of it).
 */
function seriesOf(h: PairHistory, from: string, uplift: Map<string, number> | undefined): DemandSeries {
  const first = Math.max(
    0,
    h.demand.findIndex((y) => y > 0),
  );
  const start = Date.parse(`${from}T00:00:00Z`) + first * DAY_MS;
  const demand = h.demand.slice(first);
  const series: DemandSeries = { key: pairKey(h), start: dayOf(start), demand };
  if (uplift?.size) series.uplift = demand.map((_, i) => uplift.get(dayOf(start + i * DAY_MS)) ?? 1);
  return series;
}

function fitColumns(f: FittedSeries): Omit<StoredFit, keyof StockPair | 'firstDay' | 'fittedAt'> {
  return {
    model: f.model,
    level: f.level,
    historyDays: f.historyDays,
    meanDaily: f.meanDaily,
    errorSd: f.errorSd,
    holdoutWape: f.holdoutWape,
  };
}

function countModels(fitted: readonly FittedSeries[]): RefitOutcome['byModel'] {
  const counts = new Map<string, number>();
  for (const f of fitted) counts.set(f.model, (counts.get(f.model) ?? 0) + 1);
  return [...counts]
    .map(([model, series]) => ({ model, series }))
    .sort((a, b) => b.series - a.series || a.model.localeCompare(b.model));
}

function overallWape(fitted: readonly FittedSeries[]): number | null {
  let error = 0;
  let actual = 0;
  for (const f of fitted) {
    error += f.holdout?.absErrorSum ?? 0;
    actual += f.holdout?.actualSum ?? 0;
  }
  return actual > 0 ? error / actual : null;
}
