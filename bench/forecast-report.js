'use strict';
// Markdown for bench/results/forecast.md from forecast.js's results.

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const gain = (engine, baseline) => `${((100 * (baseline - engine)) / baseline).toFixed(1)}%`;

function table(level, groupName) {
  const { engine, seasonalNaive } = level.byGroup[groupName];
  const rows = Object.keys(engine)
    .filter((g) => g !== 'overall')
    .sort()
    .concat('overall')
    .map((g) => {
      const e = engine[g];
      const b = seasonalNaive[g];
      const name = g === 'overall' ? '**overall**' : g;
      return `| ${name} | ${e.series} | ${e.units} | ${pct(e.wape)} | ${pct(b.wape)} | ${gain(e.wape, b.wape)} | ${pct(e.coverage)} | ${pct(b.coverage)} |`;
    });
  return [
    `| ${groupName} | series | test units | WAPE engine | WAPE seasonal-naive | lower by | 80% coverage engine | 80% coverage s-naive |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function levelSection(title, level) {
  const models = Object.entries(level.models)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  return [
    `## ${title}`,
    '',
    `${level.series} series, mean ${level.meanUnitsPerDay.toFixed(2)} units/day, ${pct(level.zeroDayShare)} of training days zero; models picked: ${models}.`,
    '',
    table(level, 'category'),
    '',
    table(level, 'tier'),
  ].join('\n');
}

function promotionSection(r) {
  const row = (name, level, key) => {
    const x = level.promotionHandling[key];
    const b = level.byGroup.category.seasonalNaive.overall;
    return `| ${name} | ${pct(x.wape)} | ${gain(x.wape, b.wape)} | ${pct(x.coverage)} | ${x.bias.toFixed(3)} |`;
  };
  const handling = (title, level) => [
    `| ${title} | WAPE | lower than seasonal-naive by | 80% coverage | forecast / actual units |`,
    '|---|---|---|---|---|',
    row('engine told no promotions (as before)', level, 'none'),
    row("the same, times the scored days' factors", level, 'noneTimesUplift'),
    row('promotion days replaced by the same weekdays around them, times the factors', level, 'replace'),
    row('**history divided by the factors, times the factors (the engine)**', level, 'divide'),
    `| seasonal-naive (told nothing) | ${pct(level.byGroup.category.seasonalNaive.overall.wape)} | | ${pct(level.byGroup.category.seasonalNaive.overall.coverage)} | ${level.byGroup.category.seasonalNaive.overall.bias.toFixed(3)} |`,
  ];
  const days = (title, level) => {
    const { engine, seasonalNaive } = level.byDayKind;
    return ['promotion', 'other'].map(
      (k) =>
        `| ${title} | ${k === 'promotion' ? `the ${level.scoredPromotionDays} promotion days` : 'the other days'} | ${engine[k].units} | ${pct(engine[k].wape)} | ${pct(seasonalNaive[k].wape)} | ${gain(engine[k].wape, seasonalNaive[k].wape)} |`,
    );
  };
  return [
    '## Promotions',
    '',
    "The demo's promotions in the 180 days: a spring sale (day 60-61), Singles' Day warm-up and Singles' Day (days 137-140, in the last weeks of training) on the online channels, and a Douyin live-stream week on Douyin and Tmall (days 170-172, scored). Each series' factor on a day is `upliftFactor` with its channel shares over the last 56 training days, promotion days left out (what `plannedUplift` does with the database).",
    '',
    ...handling('SKU x warehouse', r.skuWarehouse),
    '',
    ...handling('SKU', r.sku),
    '',
    `What limits the engine: noise, and demand that grows faster at the end than in training. Were each day's units Poisson around the engine's own forecast (a perfect rate), its WAPE would still be ${pct(r.skuWarehouse.poissonFloor)} per SKU x warehouse and ${pct(r.sku.poissonFloor)} per SKU (orders of several units scatter more, so the real floor is higher); and it forecasts ${pct(1 - r.skuWarehouse.promotionHandling.divide.bias)} fewer units than the scored days had, as the demo's demand accelerates in its last weeks (an order falls after its buyer's account opened, so late accounts crowd the last days).`,
    '',
    '| level | scored days | test units | WAPE engine | WAPE seasonal-naive | lower by |',
    '|---|---|---|---|---|---|',
    ...days('SKU x warehouse', r.skuWarehouse),
    ...days('SKU', r.sku),
  ].join('\n');
}

function report(r) {
  const fitting = r.fitting.map(
    (f) =>
      `| ${f.threads} | ${f.series} x ${f.days} days, horizon ${f.horizon} | ${Object.entries(f.models)
        .map(([m, n]) => `${m} ${n}`)
        .join(', ')} | ${(f.wallMs / 1000).toFixed(1)} s | ${f.eventLoopMaxMs} ms | ${f.eventLoopP99Ms} ms |`,
  );
  return `${[
    '# Forecast backtest and fitting (`node bench/forecast.js`)',
    '',
    `${r.date} on ${r.machine}; commit ${r.commit}. Demo generator as of \`${r.generator}\`.`,
    `Data set: ${r.size.orders} orders, ${r.size.customers} customers, ${r.size.warehouses} warehouses, the 180 days to ${r.size.now} (generated in ${(r.size.generateMs / 1000).toFixed(1)} s).`,
    `Demand = allocated units on the day the order was placed, at the allocation's warehouse (${pct(r.allocatedShare)} of ordered units; the rest were never allocated).`,
    `Train on the first ${r.split.trainDays} days, forecast the last ${r.split.testDays}; WAPE = sum |actual - forecast| / sum actual; intervals at ${r.split.level}.`,
    "Engine = the library model (MSTL + AutoETS, @bsull/augurs) with its fallback for short, intermittent or constant series (recent mean), told the known promotions: fitted to the history divided by their factors, its forecast times the scored days' factors (see Promotions). Seasonal-naive on every series, told nothing, is the baseline.",
    'Groups: the catalogue category (product name less its adjective) and volume tier by training units (A top 20% of SKUs, B next 30%, C rest).',
    '',
    levelSection('SKU x warehouse (what planning stores)', r.skuWarehouse),
    '',
    levelSection('SKU, all warehouses', r.sku),
    '',
    promotionSection(r),
    '',
    '## Fitting 300 SKUs x 7 warehouses through the worker pool',
    '',
    "Each SKU's all-warehouse series at 7 warehouses: every series dense, so every one goes through the library model (the worst case). Event-loop delay of the main thread meanwhile (perf_hooks monitorEventLoopDelay, 10 ms resolution).",
    '',
    '| threads | series | models | wall time | event loop max delay | p99 |',
    '|---|---|---|---|---|---|',
    ...fitting,
  ].join('\n')}\n`;
}

module.exports = { report };
