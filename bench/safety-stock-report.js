'use strict';
// Markdown for bench/results/safety-stock.md from safety-stock.js's results.

const pct = (x) => `${(100 * x).toFixed(2)}%`;
const units = (x) => Math.round(x).toLocaleString('en-US');
const label = (p) => (p.param === null ? p.family : `${p.family} ${p.param}`);

/** Linear interpolation of `y` at `x` along points sorted by `x`; null outside their range. */
function along(points, x, xOf, yOf) {
  const sorted = [...points].sort((a, b) => xOf(a) - xOf(b));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (x >= xOf(a) && x <= xOf(b)) {
      const t = xOf(b) === xOf(a) ? 0 : (x - xOf(a)) / (xOf(b) - xOf(a));
      return yOf(a) + t * (yOf(b) - yOf(a));
    }
  }
  return null;
}

const stockOf = (p) => p.overall.avgStock;
const rateOf = (p) => p.overall.stockoutRate;

/** How a point compares with a fixed curve: its stockouts at the same stock, and the stock it needs for equal stockouts. */
function against(curve, point) {
  const rateAtStock = along(curve, stockOf(point), stockOf, rateOf);
  // Stockouts fall as stock rises: interpolate stock over the rate.
  const stockAtRate = along(curve, rateOf(point), rateOf, stockOf);
  return { rateAtStock, stockAtRate };
}

function comparison(r) {
  const family = (name) => r.policies.filter((p) => p.family === name);
  const curves = {
    'fixed units': family('fixed units'),
    'fixed days of mean demand': family('fixed days of mean demand'),
  };
  const rows = [...family('dynamic'), ...family('dynamic, promotions not in SS')].map((point) => {
    const cells = Object.values(curves).flatMap((curve) => {
      const { rateAtStock, stockAtRate } = against(curve, point);
      return [
        rateAtStock === null ? 'off the curve' : pct(rateAtStock),
        stockAtRate === null ? 'off the curve' : units(stockAtRate),
      ];
    });
    return `| ${label(point)} | ${pct(rateOf(point))} | ${units(stockOf(point))} | ${cells.join(' | ')} |`;
  });
  return [
    '| dynamic point | stockout rate | avg stock | fixed units: stockouts at that stock | fixed units: stock for those stockouts | days of cover: stockouts at that stock | days of cover: stock for those stockouts |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function overallTable(r) {
  return [
    '| policy | stockout rate | avg stock held (units) | units short | orders placed |',
    '|---|---|---|---|---|',
    ...r.policies.map(
      (p) =>
        `| ${label(p)} | ${pct(rateOf(p))} | ${units(stockOf(p))} | ${units(p.overall.short)} | ${units(p.overall.orders)} |`,
    ),
  ].join('\n');
}

function warehouseTable(r, chosen) {
  const head = chosen.map((p) => `${label(p)}: stockouts / avg stock`);
  return [
    `| warehouse | demand | ${head.join(' | ')} |`,
    `|---|---|${chosen.map(() => '---').join('|')}|`,
    ...[...r.warehouses, 'overall'].map((w) => {
      const at = (p) => (w === 'overall' ? p.overall : p.byWarehouse[w]);
      return `| ${w === 'overall' ? '**overall**' : w} | ${units(at(chosen[0]).demand)} | ${chosen
        .map((p) => `${pct(at(p).stockoutRate)} / ${units(at(p).avgStock)}`)
        .join(' | ')} |`;
    }),
  ].join('\n');
}

function report(r) {
  const dynamic = r.policies.find((p) => p.family === 'dynamic' && p.param === 0.95);
  const demo = r.policies.find((p) => p.family === 'fixed (demo levels)');
  const nearest = (family) =>
    r.policies
      .filter((p) => p.family === family)
      .sort((a, b) => Math.abs(stockOf(a) - stockOf(dynamic)) - Math.abs(stockOf(b) - stockOf(dynamic)))[0];
  const models = Object.entries(r.setup.models)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  const promotions = r.promotions.map(
    (p) => `${p.code} (${p.from}, ${p.days} days, x${p.uplift} on ${p.channels.join(', ')})`,
  );
  return `${[
    '# Fixed versus dynamic safety stock (`node bench/safety-stock.js`)',
    '',
    `${r.date} on ${r.machine}; commit ${r.commit}. Demo generator as of \`${r.generator}\`.`,
    `Data set: ${r.size.orders} orders, ${r.size.customers} customers, ${r.size.warehouses} warehouses, ${r.size.pairs} SKU x warehouse levels, the 180 days to ${r.size.now}.`,
    '',
    `The last ${r.setup.days} days of demand (allocated units per level and day) are replayed at every level with each safety stock, under one replenishment policy: at the end of each day, when on hand plus on order falls to ROP = ceil(planned demand over the ${r.setup.leadTimeDays}-day lead time) + SS, order up to ceil(planned demand over lead time + ${r.setup.reviewDays} review days) + SS; orders arrive after the lead time; demand that finds no stock is lost and counted as a stockout. Planned demand is the engine's forecast (refitted every ${r.setup.refitEveryDays} days on the history before; models at the first refit: ${models}; ${(r.setup.fitMs / 1000).toFixed(1)} s of fitting in all) times the planned promotions' uplift: ${promotions.join('; ') || 'none in the window'}. Every level starts at its own order-up-to level.`,
    '',
    `Stockout rate = units short / units demanded; avg stock = the mean of each day's closing stock, summed over levels. Dynamic SS = ceil(z(service level) x sqrt(sum over the lead time of (errorSd x u_d)^2)), the planner's own function, recomputed daily; errorSd = RMSE of a fit on the history less its last ${r.setup.holdoutDays} days over those days. Fixed families: the demo's own per-level numbers (2-15 at random), one number for every level, and k days of the level's mean demand (last 28 days).`,
    '',
    '## Dynamic against the fixed curves',
    '',
    'Each dynamic point against each fixed family, interpolated along the family: the stockout rate that family has at the same average stock, and the average stock it needs for the same stockout rate ("off the curve": outside the swept range).',
    '',
    comparison(r),
    '',
    '## Per warehouse',
    '',
    `Dynamic at the default service level 0.95 beside the demo's fixed numbers and the fixed policies nearest to it in stock held.`,
    '',
    warehouseTable(r, [demo, nearest('fixed units'), nearest('fixed days of mean demand'), dynamic]),
    '',
    '## Every policy, overall',
    '',
    overallTable(r),
  ].join('\n')}\n`;
}

module.exports = { report };
