'use strict';
/**
 * Fixed versus dynamic safety stock (issue 13, planning): replays the last 30 days of the demo demand per
 * SKU x warehouse against the same replenishment policy with each kind of safety stock, and reports the stockout
 * rate (share of demanded units that met zero availability) and the average stock held, per warehouse and overall.
 *
 * - Demand: allocated units per SKU x warehouse and day, as bench/forecast.js builds them (fixed `now`).
 * - Forecasts: the engine (ForecastPool from the build) refitted weekly (days 150, 157, ..., 178) on the history
 *   before the refit day; errorSd of each fit is the RMSE of a fit on the history less its last 28 days against
 *   those 28 days (what forecast_fit.error_sd stands for). Past promotions are passed to the engine as known.
 * - Replenishment, the same for every policy: a daily review at the end of each day; when on hand plus on order
 *   falls to the reorder point ROP = ceil(planned demand over the lead time) + SS, order up to
 *   ceil(planned demand over lead time + review period) + SS; an order arrives LEAD days later. Planned demand is
 *   the latest forecast times the planned promotions' uplift (the demo's live-stream week, known in advance, as
 *   the share of the level's demand from its channels). Demand that finds no stock is lost (a stockout).
 *   Every level starts the 30 days at its own order-up-to level with nothing on order.
 * - Safety stock SS: FIXED families (the demo's own per-level numbers; one number k for every level; k days of
 *   the level's mean demand) against DYNAMIC (safety-stock-formula.ts from the build, the planner's own
 *   function: ceil(z x sqrt(sum over the lead time of (errorSd x u_d)^2)), recomputed daily) over service levels.
 *
 * Writes bench/results/safety-stock.json and safety-stock.md. Needs the build (`npm run build`).
 * BENCH_ORDERS (default 150000), BENCH_CUSTOMERS (default 30000).
 */
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { git } = require('./lib');
const { generateDemoDataset } = require('../shared/dist');
const { ForecastPool } = require('../subgraphs/inventory/dist/modules/planning/forecast/forecast-pool');
const formula = require('../subgraphs/inventory/dist/modules/planning/safety-stock/safety-stock-formula');
const { loadForecastSettings } = require('../subgraphs/inventory/dist/config');

const DAY = 86_400_000;
const DAYS = 180;
const START = 150; // the first simulated day
const LEAD = 7;
const REVIEW = 7;
const HOLDOUT = 28;
const REFIT_EVERY = 7;
const SERVICE_LEVELS = [0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999];
const FIXED_UNITS = [0, 1, 2, 3, 4, 6, 8, 10, 12, 15, 20, 25, 30];
const FIXED_DAYS = [0.5, 1, 2, 3, 4, 6, 8, 10, 14, 21];
const SIZE = {
  orders: Number(process.env.BENCH_ORDERS ?? 150_000),
  customers: Number(process.env.BENCH_CUSTOMERS ?? 30_000),
  // A fixed "now" at midnight UTC: the same data set on every run (as bench/forecast.js).
  now: new Date('2026-11-24T00:00:00Z'),
};

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Per SKU x warehouse: daily units and the units from each channel; the demo's fixed safety stock. */
function demandSeries(dataset) {
  const start = SIZE.now.getTime() - DAYS * DAY;
  const orders = new Map(dataset.orders.map((o) => [o.id, o]));
  const pairs = new Map(
    dataset.stockLevels.map((l) => [
      `${l.sku}@${l.warehouseId}`,
      {
        key: `${l.sku}@${l.warehouseId}`,
        warehouseId: l.warehouseId,
        fixed: l.safetyStock,
        demand: new Array(DAYS).fill(0),
        byChannel: new Map(),
      },
    ]),
  );
  for (const a of dataset.allocations) {
    const order = orders.get(a.orderId);
    const day = Math.floor((order.placedAt.getTime() - start) / DAY);
    if (day < 0 || day >= DAYS) continue;
    const pair = pairs.get(`${a.sku}@${a.warehouseId}`);
    pair.demand[day] += a.quantity;
    if (day < START) pair.byChannel.set(order.channel, (pair.byChannel.get(order.channel) ?? 0) + a.quantity);
  }
  return { start, pairs: [...pairs.values()] };
}

/** Each day's promotion factor for a pair: 1 + (uplift - 1) x the share of its demand from the promoted channels. */
function upliftOf(pair, promotions, start) {
  const total = sum([...pair.byChannel.values()]) || 1;
  // Past the window too: the last reviews plan up to LEAD + REVIEW days ahead.
  const factors = new Array(DAYS + LEAD + REVIEW + 1).fill(1);
  for (const p of promotions) {
    const share = sum(p.channels.map((c) => pair.byChannel.get(c) ?? 0)) / total;
    for (let t = p.startsAt.getTime(); t < p.endsAt.getTime(); t += DAY) {
      const day = Math.floor((t - start) / DAY);
      if (day >= 0 && day < factors.length) factors[day] *= 1 + (p.uplift - 1) * share;
    }
  }
  return factors;
}

const dateOf = (start, day) => new Date(start + day * DAY).toISOString().slice(0, 10);

/** The weekly refits: per refit day, per pair, the forecast points from that day on and the holdout RMSE. */
async function refits(pool, pairs, start) {
  const fits = new Map();
  const horizon = REFIT_EVERY + LEAD + REVIEW + 1;
  for (let r = START; r < DAYS; r += REFIT_EVERY) {
    const series = (end) =>
      pairs.map((p) => ({
        key: p.key,
        start: dateOf(start, 0),
        demand: p.demand.slice(0, end),
        uplift: p.uplift.slice(0, end),
      }));
    const holdout = await pool.fitAll(series(r - HOLDOUT), { horizon: HOLDOUT, level: 0.8, seasonLength: 7 });
    const forecast = await pool.fitAll(series(r), { horizon, level: 0.8, seasonLength: 7 });
    fits.set(
      r,
      pairs.map((p, i) => {
        const actual = p.demand.slice(r - HOLDOUT, r);
        const errorSd = Math.sqrt(sum(actual.map((y, h) => (y - holdout[i].days[h].point) ** 2)) / HOLDOUT);
        return { points: forecast[i].days.map((d) => d.point), errorSd, model: forecast[i].model };
      }),
    );
  }
  return fits;
}

/** One policy's 30 days at one pair: units demanded, short, and the stock held at each day's end. */
function simulate(pair, index, fits, safetyStockAt) {
  // The latest refit on or before `day` (the first one for days before it).
  const fitFor = (day) => {
    const r = START + Math.floor((Math.max(START, Math.min(day, DAYS - 1)) - START) / REFIT_EVERY) * REFIT_EVERY;
    return { r, fit: fits.get(r)[index] };
  };
  // Planned demand on `day` as known at the end of `today` (the refit at or before today + 1).
  const planned = (today, day) => {
    const { r, fit } = fitFor(today + 1);
    return fit.points[day - r] * pair.uplift[day];
  };
  const targets = (today) => {
    const lead = Array.from({ length: LEAD }, (_, i) => planned(today, today + 1 + i));
    const review = Array.from({ length: REVIEW }, (_, i) => planned(today, today + 1 + LEAD + i));
    const ss = safetyStockAt(today, fitFor(today + 1).fit);
    return { rop: Math.ceil(sum(lead) - 1e-6) + ss, upTo: Math.ceil(sum(lead) + sum(review) - 1e-6) + ss };
  };
  let onHand = targets(START - 1).upTo;
  const arriving = new Map();
  let onOrder = 0;
  const out = { demand: 0, short: 0, held: 0, orders: 0 };
  for (let day = START; day < DAYS; day++) {
    const arrived = arriving.get(day) ?? 0;
    onHand += arrived;
    onOrder -= arrived;
    const demand = pair.demand[day];
    const served = Math.min(onHand, demand);
    onHand -= served;
    out.demand += demand;
    out.short += demand - served;
    out.held += onHand;
    const { rop, upTo } = targets(day);
    if (onHand + onOrder <= rop && upTo > onHand + onOrder) {
      const quantity = upTo - onHand - onOrder;
      // Placed at the end of `day`, on the shelf for day + LEAD + 1: the lead time's LEAD days of demand come first.
      arriving.set(day + LEAD + 1, (arriving.get(day + LEAD + 1) ?? 0) + quantity);
      onOrder += quantity;
      out.orders += 1;
    }
  }
  out.held /= DAYS - START;
  return out;
}

function dateWindow(start, today) {
  return formula.leadTimeWindow(dateOf(start, today + 1), LEAD);
}

/** The policies: each a name, a family, its parameter, and SS(today, fit) for a pair. */
function policies(start) {
  const list = [{ family: 'fixed (demo levels)', param: null, ss: (pair) => () => pair.fixed }];
  for (const k of FIXED_UNITS) list.push({ family: 'fixed units', param: k, ss: () => () => k });
  for (const k of FIXED_DAYS)
    list.push({
      family: 'fixed days of mean demand',
      param: k,
      ss: (pair) => {
        const mean = sum(pair.demand.slice(START - 28, START)) / 28;
        return () => Math.ceil(k * mean - 1e-6);
      },
    });
  for (const level of SERVICE_LEVELS)
    list.push({
      family: 'dynamic',
      param: level,
      ss: (pair) => (today, fit) => {
        const days = dateWindow(start, today);
        const uplift = new Map(days.map((d, i) => [d, pair.uplift[today + 1 + i]]));
        return formula.dynamicSafetyStock({ errorSd: fit.errorSd, serviceLevel: level, days, uplift }).safetyStock;
      },
    });
  list.push({
    family: 'dynamic, promotions not in SS',
    param: 0.95,
    ss: () => (today, fit) =>
      formula.dynamicSafetyStock({ errorSd: fit.errorSd, serviceLevel: 0.95, days: dateWindow(start, today) })
        .safetyStock,
  });
  return list;
}

function run(pairs, fits, start, warehouses) {
  return policies(start).map((policy) => {
    const byWarehouse = new Map(warehouses.map((w) => [w.id, { demand: 0, short: 0, held: 0, orders: 0 }]));
    pairs.forEach((pair, index) => {
      const r = simulate(pair, index, fits, policy.ss(pair));
      const acc = byWarehouse.get(pair.warehouseId);
      for (const k of Object.keys(acc)) acc[k] += r[k];
    });
    const total = { demand: 0, short: 0, held: 0, orders: 0 };
    for (const acc of byWarehouse.values()) for (const k of Object.keys(total)) total[k] += acc[k];
    const figures = (acc) => ({
      stockoutRate: acc.short / acc.demand,
      avgStock: acc.held,
      demand: acc.demand,
      short: acc.short,
      orders: acc.orders,
    });
    return {
      family: policy.family,
      param: policy.param,
      overall: figures(total),
      byWarehouse: Object.fromEntries(warehouses.map((w) => [w.code, figures(byWarehouse.get(w.id))])),
    };
  });
}

async function main() {
  const t0 = performance.now();
  const dataset = generateDemoDataset(SIZE);
  const generateMs = Math.round(performance.now() - t0);
  const { start, pairs } = demandSeries(dataset);
  for (const pair of pairs) pair.uplift = upliftOf(pair, dataset.promotions, start);
  const pool = new ForecastPool(loadForecastSettings());
  const t1 = performance.now();
  const fits = await refits(pool, pairs, start);
  const fitMs = Math.round(performance.now() - t1);
  await pool.close();
  const models = {};
  for (const f of fits.get(START)) models[f.model] = (models[f.model] ?? 0) + 1;
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    commit: git('rev-parse', '--short', 'HEAD'),
    generator: git('log', '-1', '--format=%h %s', '--', 'shared/src/demo'),
    size: {
      ...SIZE,
      now: SIZE.now.toISOString(),
      warehouses: dataset.warehouses.length,
      pairs: pairs.length,
      generateMs,
    },
    setup: {
      days: DAYS - START,
      leadTimeDays: LEAD,
      reviewDays: REVIEW,
      holdoutDays: HOLDOUT,
      refitEveryDays: REFIT_EVERY,
      fitMs,
      models,
    },
    promotions: dataset.promotions
      .filter((p) => p.endsAt.getTime() > start + START * DAY)
      .map((p) => ({
        code: p.code,
        from: p.startsAt.toISOString().slice(0, 10),
        days: (p.endsAt - p.startsAt) / DAY,
        uplift: p.uplift,
        channels: p.channels,
      })),
    warehouses: dataset.warehouses.map((w) => w.code),
    policies: run(pairs, fits, start, dataset.warehouses),
  };
  const out = path.join(__dirname, 'results');
  writeFileSync(path.join(out, 'safety-stock.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = require('./safety-stock-report').report(results);
  writeFileSync(path.join(out, 'safety-stock.md'), markdown);
  console.log(markdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
