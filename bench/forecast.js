'use strict';
/**
 * Forecast backtest and fitting time (issue 13, planning). Builds daily demand per SKU x warehouse from the demo
 * generator, trains on the first 150 days, forecasts the last 30, and scores WAPE (sum |actual - forecast| / sum
 * actual) of the engine (library model, with its fallbacks for sparse series) against seasonal-naive, per product
 * category and volume tier and overall, at two levels: SKU x warehouse (what planning stores) and SKU (all
 * warehouses). Then times fitting 300 SKUs x 7 warehouses through the worker pool, with the main thread's
 * event-loop delay meanwhile. Writes bench/results/forecast.json and forecast.md.
 *
 * The engine is told the demo's promotions (`dataset.promotions`) as planning is told its planned ones: each
 * series' factor per day comes from `upliftFactor` with the channel shares of its last 56 training days (promotion
 * days left out), as `plannedUplift` computes them; the engine fits the training history under those factors and
 * its forecast is the baseline times the scored days' factors. Seasonal-naive, the naive baseline, is told nothing.
 * The engine without promotions, and with promotion days replaced instead of divided, are scored beside it.
 *
 * Needs the build (`npm run build`). BENCH_ORDERS (default 150000), BENCH_CUSTOMERS (default 30000).
 */
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { git } = require('./lib');
const { generateDemoDataset } = require('../shared/dist');
const F = '../subgraphs/inventory/dist/modules/planning/forecast';
const { ForecastPool } = require(`${F}/forecast-pool`);
const { seasonalNaive } = require(`${F}/seasonal-naive.strategy`);
const { loadForecastSettings } = require('../subgraphs/inventory/dist/config');
const {
  channelShares,
  SHARE_DAYS,
  upliftFactor,
} = require('../subgraphs/inventory/dist/modules/planning/promotion/promotion-uplift');

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

/**
 * Daily units per SKU x warehouse (by the allocation's warehouse, on the order's day) and per SKU, each series with
 * its known promotions' factor per day (`uplift`).
 */
function demandSeries(dataset) {
  const start = SIZE.now.getTime() - DAYS * DAY;
  const orders = new Map(dataset.orders.map((o) => [o.id, o]));
  const promotions = dataset.promotions.map((p) => ({
    channels: p.channels,
    uplift: p.uplift,
    first: Math.round((p.startsAt.getTime() - start) / DAY),
    end: Math.round((p.endsAt.getTime() - start) / DAY),
  }));
  const promoted = (day) => promotions.some((p) => day >= p.first && day < p.end);
  const blank = () => ({ demand: new Array(DAYS).fill(0), shareUnits: new Map() });
  const byPair = new Map(dataset.stockLevels.map((l) => [`${l.sku}@${l.warehouseId}`, blank()]));
  const bySku = new Map(dataset.products.map((p) => [p.sku, blank()]));
  let allocated = 0;
  for (const a of dataset.allocations) {
    const order = orders.get(a.orderId);
    const day = Math.floor((order.placedAt.getTime() - start) / DAY);
    if (day < 0 || day >= DAYS) continue;
    for (const s of [byPair.get(`${a.sku}@${a.warehouseId}`), bySku.get(a.sku)]) {
      s.demand[day] += a.quantity;
      // The channel mix as plannedUplift reads it: the last SHARE_DAYS days before the forecast, promotions left out.
      if (day >= TRAIN - SHARE_DAYS && day < TRAIN && !promoted(day))
        s.shareUnits.set(order.channel, (s.shareUnits.get(order.channel) ?? 0) + a.quantity);
    }
    allocated += a.quantity;
  }
  const ordered = dataset.orders.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.quantity, 0), 0);
  const startDate = new Date(start).toISOString().slice(0, 10);
  const toSeries = (map) =>
    [...map].map(([key, { demand, shareUnits }]) => {
      const shares = channelShares(shareUnits);
      const uplift = demand.map((_, day) =>
        upliftFactor(
          shares,
          promotions.filter((p) => day >= p.first && day < p.end),
        ),
      );
      return { key, start: startDate, demand, uplift };
    });
  return { pairs: toSeries(byPair), skus: toSeries(bySku), allocatedShare: allocated / ordered };
}

/**
 * The alternative to dividing by the factor: each promotion day replaced by the mean of the same weekday in the
 * (up to) four weeks around it that had no promotion.
 */
function replacePromotionDays(demand, uplift) {
  return demand.map((y, t) => {
    if (uplift[t] === 1) return y;
    const near = [];
    for (let k = 1; k <= 4 && near.length < 4; k += 1)
      for (const u of [t - 7 * k, t + 7 * k]) if (u >= 0 && u < demand.length && uplift[u] === 1) near.push(demand[u]);
    return near.length ? sum(near) / near.length : y / uplift[t];
  });
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
    const g = acc.get(group) ?? { error: 0, actual: 0, forecast: 0, inside: 0, days: 0, series: 0 };
    g.series += 1;
    actual.forEach((y, i) => {
      g.error += Math.abs(y - f.point[i]);
      g.forecast += f.point[i];
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
      {
        series: g.series,
        units: g.actual,
        wape: g.error / g.actual,
        coverage: g.inside / g.days,
        // Forecast units over actual units: below 1, the forecasts fell short.
        bias: g.forecast / g.actual,
      },
    ]),
  );
}

const columns = (forecast) => ({
  point: forecast.days.map((d) => d.point),
  lower: forecast.days.map((d) => d.lower),
  upper: forecast.days.map((d) => d.upper),
});

/** The engine's forecast columns with the scored days' planned factors on top of the baseline. */
function withUplift(forecast, factors) {
  const c = columns(forecast);
  return {
    point: c.point.map((y, h) => y * factors[h]),
    lower: c.lower.map((y, h) => y * factors[h]),
    upper: c.upper.map((y, h) => y * factors[h]),
  };
}

async function backtest(pool, series, groups) {
  const train = series.map((s) => ({ ...s, demand: s.demand.slice(0, TRAIN), uplift: s.uplift.slice(0, TRAIN) }));
  const ahead = series.map((s) => s.uplift.slice(TRAIN));
  const engine = await pool.fitAll(train, OPTIONS);
  const forecasts = engine.map((f, i) => withUplift(f, ahead[i]));
  const baseline = train.map((s) => seasonalNaive.fit(s.demand, OPTIONS));
  const models = {};
  for (const f of engine) models[f.model] = (models[f.model] ?? 0) + 1;
  const result = { series: series.length, models, byGroup: {} };
  for (const [name, groupOf] of Object.entries(groups)) {
    result.byGroup[name] = {
      engine: score(series, forecasts, groupOf),
      seasonalNaive: score(series, baseline, groupOf),
    };
  }
  // How the engine uses promotions, overall: not at all, and promotion days replaced rather than divided.
  const untold = await pool.fitAll(
    train.map(({ uplift: _uplift, ...s }) => s),
    OPTIONS,
  );
  const replaced = await pool.fitAll(
    train.map(({ uplift, ...s }) => ({ ...s, demand: replacePromotionDays(s.demand, uplift) })),
    OPTIONS,
  );
  result.promotionHandling = {
    none: score(series, untold.map(columns)).overall,
    noneTimesUplift: score(
      series,
      untold.map((f, i) => withUplift(f, ahead[i])),
    ).overall,
    replace: score(
      series,
      replaced.map((f, i) => withUplift(f, ahead[i])),
    ).overall,
    divide: result.byGroup.category.engine.overall,
  };
  result.poissonFloor = poissonFloor(forecasts);
  // The scored days a promotion lifted, and the others: where the engine's gain comes from.
  const promoDays = ahead[0].map((_, h) => series.some((s, i) => ahead[i][h] !== 1));
  result.scoredPromotionDays = promoDays.filter(Boolean).length;
  result.byDayKind = {
    engine: scoreDays(series, forecasts, promoDays),
    seasonalNaive: scoreDays(series, baseline, promoDays),
  };
  const zeroDays = sum(train.map((s) => s.demand.filter((y) => y === 0).length)) / (train.length * TRAIN);
  result.meanUnitsPerDay = sum(series.map((s) => sum(s.demand))) / (series.length * DAYS);
  result.zeroDayShare = zeroDays;
  return result;
}

/**
 * The WAPE the forecasts would still score if each day's units were Poisson around the forecast itself (a perfect
 * rate): sum E|Y - l| / sum l, Y ~ Poisson(l), E|Y - l| = 2 e^-l l^(k+1) / k! with k = floor(l). Orders of several
 * units scatter more than Poisson, so the real floor is higher.
 */
function poissonFloor(forecasts) {
  let mad = 0;
  let units = 0;
  for (const f of forecasts)
    for (const l of f.point) {
      if (!(l > 0)) continue;
      const k = Math.floor(l);
      let logFactorial = 0;
      for (let i = 2; i <= k; i += 1) logFactorial += Math.log(i);
      mad += 2 * Math.exp(-l + (k + 1) * Math.log(l) - logFactorial);
      units += l;
    }
  return mad / units;
}

/** WAPE on the scored days a promotion lifted and on the others. */
function scoreDays(series, forecasts, promoDays) {
  const acc = { promotion: { error: 0, actual: 0 }, other: { error: 0, actual: 0 } };
  series.forEach((s, i) => {
    s.demand.slice(TRAIN).forEach((y, h) => {
      const a = acc[promoDays[h] ? 'promotion' : 'other'];
      a.error += Math.abs(y - forecasts[i].point[h]);
      a.actual += y;
    });
  });
  return Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, { units: a.actual, wape: a.error / a.actual }]));
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
