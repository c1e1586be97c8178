'use strict';
/**
 * Interval calibration of the stored forecasts (issue 13, planning): on the demo history per SKU x warehouse, the
 * refit's fitting (`fitWithHoldout`: a holdout fit on the first 150 days less their last 28, scored on those 28
 * days, whose scores calibrate the final fit's intervals per model) against the engine's own intervals, both
 * forecasting days 151-180, which neither the fit nor the calibration saw: the share of those days inside the 80 %
 * intervals, overall and per volume tier, and the mean interval width. Dense (150,000 orders) and sparse (20,000,
 * the `npm start` demo) histories. Also the wall time of the refit's two fitting passes.
 * Writes bench/results/forecast-calibration.json and .md.
 *
 * Needs the build (`npm run build`).
 */
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { git } = require('./lib');
const { generateDemoDataset } = require('../shared/dist');
const F = '../subgraphs/inventory/dist/modules/planning/forecast';
const { ForecastPool } = require(`${F}/forecast-pool`);
const { fitWithHoldout } = require(`${F}/forecast-refit`);
const { loadForecastSettings } = require('../subgraphs/inventory/dist/config');

const DAY = 86_400_000;
const DAYS = 180;
const TRAIN = 150;
const LEVEL = 0.8;
const NOW = new Date('2026-11-24T00:00:00Z');
const SIZES = [
  { orders: 150_000, customers: 30_000 },
  { orders: 20_000, customers: 5_000 },
];

/** Daily units per SKU x warehouse with any demand (allocations on their order's day), as the bench backtest builds them. */
function pairSeries(dataset) {
  const start = NOW.getTime() - DAYS * DAY;
  const placed = new Map(dataset.orders.map((o) => [o.id, o.placedAt.getTime()]));
  const byPair = new Map(dataset.stockLevels.map((l) => [`${l.sku}@${l.warehouseId}`, new Array(DAYS).fill(0)]));
  for (const a of dataset.allocations) {
    const day = Math.floor((placed.get(a.orderId) - start) / DAY);
    if (day >= 0 && day < DAYS) byPair.get(`${a.sku}@${a.warehouseId}`)[day] += a.quantity;
  }
  const startDate = new Date(start).toISOString().slice(0, 10);
  return [...byPair]
    .filter(([, demand]) => demand.some((y) => y > 0))
    .map(([key, demand]) => ({ key, start: startDate, demand }));
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Coverage and width of each forecast's intervals on the test days, overall and per volume tier. */
function score(series, forecasts) {
  const ranked = [...series].sort((a, b) => sum(b.demand.slice(0, TRAIN)) - sum(a.demand.slice(0, TRAIN)));
  const tierOf = new Map(
    ranked.map((s, i) => [s.key, i < 0.2 * ranked.length ? 'A' : i < 0.5 * ranked.length ? 'B' : 'C']),
  );
  const acc = {};
  series.forEach((s, i) => {
    for (const group of ['overall', tierOf.get(s.key)]) {
      acc[group] = acc[group] ?? { series: 0, days: 0, inside: 0, width: 0 };
      const g = acc[group];
      g.series += 1;
      s.demand.slice(TRAIN).forEach((y, h) => {
        const d = forecasts[i].days[h];
        g.days += 1;
        g.inside += y >= d.lower && y <= d.upper ? 1 : 0;
        g.width += d.upper - d.lower;
      });
    }
  });
  return Object.fromEntries(
    Object.entries(acc).map(([group, g]) => [
      group,
      { series: g.series, coverage: +(g.inside / g.days).toFixed(3), meanWidth: +(g.width / g.days).toFixed(2) },
    ]),
  );
}

async function run(pool, size) {
  const dataset = generateDemoDataset({ ...size, now: NOW });
  const series = pairSeries(dataset);
  const train = series.map((s) => ({ ...s, demand: s.demand.slice(0, TRAIN) }));
  const options = { level: LEVEL, seasonLength: 7, horizon: DAYS - TRAIN };
  const raw = await pool.fitAll(train, options);
  const t0 = performance.now();
  const calibrated = await fitWithHoldout(pool, train, options);
  const fitMs = Math.round(performance.now() - t0);
  // The factors a model's series got (one per volume class pooled): their range.
  const factors = {};
  for (const f of calibrated) {
    const [low, high] = factors[f.model] ?? [f.factor, f.factor];
    factors[f.model] = [+Math.min(low, f.factor).toFixed(3), +Math.max(high, f.factor).toFixed(3)];
  }
  return {
    size,
    series: series.length,
    fitMs,
    factors,
    engine: score(series, raw),
    calibrated: score(series, calibrated),
  };
}

function report(results) {
  const lines = [
    '# Stored forecasts: calibrated intervals (`node bench/forecast-calibration.js`)',
    '',
    `${results.date} on ${results.machine}; commit ${results.commit}; ${results.threads} forecast thread(s).`,
    `Demo history per SKU x warehouse (pairs with demand), the ${DAYS} days to ${NOW.toISOString().slice(0, 10)}: ` +
      `fitted on the first ${TRAIN}, scored on the last ${DAYS - TRAIN}, which neither the fit nor the calibration saw. ` +
      `Intervals at ${LEVEL}. Engine: the models' own intervals. Calibrated: a refit's (\`fitWithHoldout\`: ` +
      'the last 28 training days held out, their scores pooled per model and volume class; lower bounds half a ' +
      'unit lower).',
    '',
  ];
  for (const r of results.runs) {
    lines.push(
      `## ${r.size.orders.toLocaleString('en')} orders: ${r.series} series`,
      '',
      `Calibration factors per model (over its volume classes): ${Object.entries(r.factors)
        .map(([m, [low, high]]) => (low === high ? `${m} ${low}` : `${m} ${low}-${high}`))
        .join(', ')}. The refit's two fitting passes: ${(r.fitMs / 1000).toFixed(1)} s.`,
      '',
      '| group | series | coverage engine | coverage calibrated | mean width engine | mean width calibrated |',
      '|---|---|---|---|---|---|',
    );
    for (const group of ['A', 'B', 'C', 'overall']) {
      const e = r.engine[group];
      const c = r.calibrated[group];
      if (!e) continue;
      const name = group === 'overall' ? '**overall**' : `tier ${group}`;
      lines.push(
        `| ${name} | ${e.series} | ${(100 * e.coverage).toFixed(1)}% | ${(100 * c.coverage).toFixed(1)}% | ` +
          `${e.meanWidth} | ${c.meanWidth} |`,
      );
    }
    lines.push('');
  }
  lines.push('Tiers by training units: A the top 20% of series, B the next 30%, C the rest.', '');
  return lines.join('\n');
}

async function main() {
  const settings = loadForecastSettings();
  const pool = new ForecastPool(settings);
  const runs = [];
  for (const size of SIZES) runs.push(await run(pool, size));
  await pool.close();
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    commit: git('rev-parse', '--short', 'HEAD'),
    threads: settings.threads,
    runs,
  };
  const out = path.join(__dirname, 'results');
  writeFileSync(path.join(out, 'forecast-calibration.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, 'forecast-calibration.md'), report(results));
  console.log(report(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
