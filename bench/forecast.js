'use strict';
/**
 * Forecast backtest and fitting time (issue 13, planning). Builds daily demand per SKU x warehouse from the demo
 * generator, trains on the first 150 days, forecasts the last 30, and scores WAPE (sum |actual - forecast| / sum
 * actual) of the engine (library model, with its fallbacks for sparse series) against seasonal-naive, per product
 * category and volume tier and overall, at two levels: SKU x warehouse (what planning stores) and SKU (all
 * warehouses). Then times fitting 300 SKUs x 7 warehouses through the worker pool, with the main thread's
 * event-loop delay meanwhile. Writes bench/results/forecast.json and forecast.md.
 *
 * Needs the build (`npm run build`). BENCH_ORDERS (default 150000), BENCH_CUSTOMERS (default 30000).
 */
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { execFileSync } = require('node:child_process');
const { generateDemoDataset } = require('../shared/dist');
const F = '../subgraphs/inventory/dist/modules/planning/forecast';
const { ForecastPool } = require(`${F}/forecast-pool`);
const { seasonalNaive } = require(`${F}/seasonal-naive.strategy`);
const { loadForecastSettings } = require('../subgraphs/inventory/dist/config');

const DAY = 86_400_000;
const DAYS = 180;
const TRAIN = 150;
const HORIZON = DAYS - TRAIN;
const OPTIONS = { horizon: HORIZON, level: 0.8, seasonLength: 7 };
const SIZE = {
  orders: Number(process.env.BENCH_ORDERS ?? 150_000),
  customers: Number(process.env.BENCH_CUSTOMERS ?? 30_000),
  // A fixed "now" at midnight UTC: the same data set on every run, whole days in the window.
  now: new Date('2026-11-24T00:00:00Z'),
};

/** Daily units per SKU x warehouse (by the allocation's warehouse, on the order's day) and per SKU. */
function demandSeries(dataset) {
  const start = SIZE.now.getTime() - DAYS * DAY;
  const placed = new Map(dataset.orders.map((o) => [o.id, o.placedAt.getTime()]));
  const byPair = new Map(dataset.stockLevels.map((l) => [`${l.sku}@${l.warehouseId}`, new Array(DAYS).fill(0)]));
  const bySku = new Map(dataset.products.map((p) => [p.sku, new Array(DAYS).fill(0)]));
  let allocated = 0;
  for (const a of dataset.allocations) {
    const day = Math.floor((placed.get(a.orderId) - start) / DAY);
    if (day < 0 || day >= DAYS) continue;
    byPair.get(`${a.sku}@${a.warehouseId}`)[day] += a.quantity;
    bySku.get(a.sku)[day] += a.quantity;
    allocated += a.quantity;
  }
  const ordered = dataset.orders.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.quantity, 0), 0);
  const startDate = new Date(start).toISOString().slice(0, 10);
  const toSeries = (map) => [...map].map(([key, demand]) => ({ key, start: startDate, demand }));
  return { pairs: toSeries(byPair), skus: toSeries(bySku), allocatedShare: allocated / ordered };
}

/** The catalogue's category: a product's name less its adjective ("Organic Green Tea 250g" -> "Green Tea 250g"). */
function groupsOf(dataset, skus) {
  const category = new Map(dataset.products.map((p) => [p.sku, p.name.split(' ').slice(1).join(' ')]));
  // Volume tiers by training units: A the top 20% of SKUs, B the next 30%, C the rest.
  const ranked = [...skus].sort((a, b) => sum(b.demand.slice(0, TRAIN)) - sum(a.demand.slice(0, TRAIN)));
  const tier = new Map(
    ranked.map((s, i) => [s.key, i < 0.2 * ranked.length ? 'A' : i < 0.5 * ranked.length ? 'B' : 'C']),
  );
  const skuOf = (key) => key.split('@')[0];
  return { category: (key) => category.get(skuOf(key)), tier: (key) => tier.get(skuOf(key)) };
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** WAPE and interval coverage of forecasts against the held-out days, overall and per group. */
function score(series, forecasts, groupOf) {
  const acc = new Map();
  const add = (group, actual, f) => {
    const g = acc.get(group) ?? { error: 0, actual: 0, inside: 0, days: 0, series: 0 };
    g.series += 1;
    actual.forEach((y, i) => {
      g.error += Math.abs(y - f.point[i]);
      g.actual += y;
      g.inside += y >= f.lower[i] && y <= f.upper[i] ? 1 : 0;
      g.days += 1;
    });
    acc.set(group, g);
  };
  series.forEach((s, i) => {
    const actual = s.demand.slice(TRAIN);
    add('overall', actual, forecasts[i]);
    if (groupOf) add(groupOf(s.key), actual, forecasts[i]);
  });
  return Object.fromEntries(
    [...acc].map(([group, g]) => [
      group,
      { series: g.series, units: g.actual, wape: g.error / g.actual, coverage: g.inside / g.days },
    ]),
  );
}

const columns = (forecast) => ({
  point: forecast.days.map((d) => d.point),
  lower: forecast.days.map((d) => d.lower),
  upper: forecast.days.map((d) => d.upper),
});

async function backtest(pool, series, groups) {
  const train = series.map((s) => ({ ...s, demand: s.demand.slice(0, TRAIN) }));
  const engine = await pool.fitAll(train, OPTIONS);
  const baseline = train.map((s) => seasonalNaive.fit(s.demand, OPTIONS));
  const models = {};
  for (const f of engine) models[f.model] = (models[f.model] ?? 0) + 1;
  const result = { series: series.length, models, byGroup: {} };
  for (const [name, groupOf] of Object.entries(groups)) {
    result.byGroup[name] = {
      engine: score(series, engine.map(columns), groupOf),
      seasonalNaive: score(series, baseline, groupOf),
    };
  }
  const zeroDays = sum(train.map((s) => s.demand.filter((y) => y === 0).length)) / (train.length * TRAIN);
  result.meanUnitsPerDay = sum(series.map((s) => sum(s.demand))) / (series.length * DAYS);
  result.zeroDayShare = zeroDays;
  return result;
}

/** Fits 300 SKUs x 7 warehouses (all dense: each SKU's demand at every warehouse) and watches the event loop. */
async function timeFitting(threads, skus) {
  const series = skus.flatMap((s) => Array.from({ length: 7 }, (_, w) => ({ ...s, key: `${s.key}@W${w}` })));
  const pool = new ForecastPool({ threads });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const forecasts = await pool.fitAll(series, { ...OPTIONS, horizon: 90 });
  const wallMs = performance.now() - started;
  delay.disable();
  await pool.close();
  const models = {};
  for (const f of forecasts) models[f.model] = (models[f.model] ?? 0) + 1;
  return {
    threads,
    series: series.length,
    days: DAYS,
    horizon: 90,
    models,
    wallMs: Math.round(wallMs),
    eventLoopMaxMs: +(delay.max / 1e6).toFixed(1),
    eventLoopP99Ms: +(delay.percentile(99) / 1e6).toFixed(1),
  };
}

async function main() {
  const git = (...args) =>
    execFileSync('git', args, { cwd: path.resolve(__dirname, '..') })
      .toString()
      .trim();
  const t0 = performance.now();
  const dataset = generateDemoDataset(SIZE);
  const generateMs = Math.round(performance.now() - t0);
  const { pairs, skus, allocatedShare } = demandSeries(dataset);
  const groups = groupsOf(dataset, skus);
  const settings = loadForecastSettings();
  const pool = new ForecastPool(settings);
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    commit: git('rev-parse', '--short', 'HEAD'),
    generator: git('log', '-1', '--format=%h %s', '--', 'shared/src/demo'),
    size: { ...SIZE, now: SIZE.now.toISOString(), warehouses: dataset.warehouses.length, generateMs },
    allocatedShare,
    split: { trainDays: TRAIN, testDays: HORIZON, level: OPTIONS.level },
    skuWarehouse: await backtest(pool, pairs, groups),
    sku: await backtest(pool, skus, groups),
  };
  await pool.close();
  results.fitting = [await timeFitting(settings.threads, skus)];
  if (settings.threads !== 2) results.fitting.push(await timeFitting(2, skus));
  const out = path.join(__dirname, 'results');
  writeFileSync(path.join(out, 'forecast.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, 'forecast.md'), require('./forecast-report').report(results));
  console.log(require('./forecast-report').report(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
