'use strict';
// bench/results/gateways.{json,md} from the rounds bench/gateways.js measured (BENCH_RESULTS names another pair:
// a run of some gateways only must not replace the full comparison).
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, git, median } = require('./lib');

const RESULTS = process.env.BENCH_RESULTS ?? 'gateways';
const thousands = (n) => n.toLocaleString('en-US');
const gib = (bytes) => Math.round(bytes / 2 ** 30);
const FIGURES = ['rps', 'p50Ms', 'p99Ms', 'gatewayCpuMs', 'subgraphsCpuMs', 'postgresCpuMs'];

/** The commit measured, marked when tracked files differ from it (the results this run replaces aside). */
function commit() {
  const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results');
  return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with uncommitted changes)' : ''}`;
}

/** Median, lowest and highest of each figure over the cycles of one gateway and traffic. */
function summarize(rounds) {
  const out = { cycles: rounds.length, non2xx: 0, socketErrors: 0 };
  for (const key of FIGURES) {
    const values = rounds.map((r) => r[key]);
    out[key] = { median: median(values), min: Math.min(...values), max: Math.max(...values) };
  }
  const totals = rounds.map((r) => r.gatewayCpuMs + r.subgraphsCpuMs + r.postgresCpuMs);
  out.totalCpuMs = { median: median(totals), min: Math.min(...totals), max: Math.max(...totals) };
  for (const r of rounds) {
    out.non2xx += r.non2xx;
    out.socketErrors += r.socketErrors;
  }
  return out;
}

const fixed = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** "median (min-max)", or the median alone when there is one cycle. */
const cell = ({ median: m, min, max }) => (min === max ? fixed(m) : `${fixed(m)} (${fixed(min)}-${fixed(max)})`);

function report({ settings, identicalId, gateways, unavailable, rounds, platformEnv }) {
  const summary = [];
  for (const traffic of ['varied', 'identical'])
    for (const g of gateways) {
      const picked = rounds.filter((r) => r.gateway === g.name && r.traffic === traffic);
      if (picked.length) summary.push({ gateway: g.name, label: g.label, traffic, ...summarize(picked) });
    }
  const run = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${gib(os.totalmem())} GiB`,
    ...settings,
    seed: { customers: Number(platformEnv.SEED_CUSTOMERS), orders: Number(platformEnv.SEED_ORDERS) },
    identicalCustomer: identicalId,
  };
  const results = { run, gateways: gateways.map((g) => ({ name: g.name, label: g.label })), unavailable, summary };
  writeFileSync(
    path.join(REPO, `bench/results/${RESULTS}.json`),
    `${JSON.stringify({ ...results, rounds }, null, 2)}\n`,
  );
  const errors = summary.filter((s) => s.non2xx || s.socketErrors);
  const md = [
    '# The 360 query through three gateways',
    '',
    `\`node bench/gateways.js\`, ${run.date.slice(0, 10)}, commit ${run.commit}, Node ${run.node}, ${run.machine}.`,
    '',
    'The four subgraphs of `npm start` in one process on one embedded PostgreSQL with the demo data',
    `(${thousands(run.seed.customers)} customers, ${thousands(run.seed.orders)} orders), ` +
      'each gateway in its own process on them;',
    `wrk with ${run.connections} connections, the 360 query of \`e2e/operations/customer-360.graphql\``,
    '(`{ id, orders: 10 }`) with a staff token, every process with NODE_ENV=production.',
    'Varied traffic: each request the next of 1,000 customers;',
    `identical: every request the customer ${identicalId} (10 orders). Every gateway answered the query for`,
    "six customers with the same data (keys sorted) as this project's before measuring.",
    `Each variant warmed up for ${run.warmupSeconds} s, then ${run.cycles} cycles of one ${run.seconds} s ` +
      'measurement per variant, in an order that',
    'rotates from cycle to cycle, one gateway under load at a time. Figures: median over the cycles (lowest-highest).',
    "Before each varied round of this project's gateway (its entity cache on), one request per customer of the pool,",
    "so the round measures the cache's steady state rather than what its 5-minute maximum age expired while the",
    "other gateways' rounds ran; the identical rounds, and gateways without a cache between requests, need none.",
    "CPU per request from /proc: the gateway's process; the subgraphs' process (which also holds `npm start`'s",
    "own gateway, idle here); PostgreSQL (the cluster's processes, exited backends included).",
    '',
    '| gateway | traffic | RPS | p50 ms | p99 ms | gateway CPU ms/req | subgraphs ms/req | PostgreSQL ms/req |',
    '|---|---|---|---|---|---|---|---|',
    ...summary.map(
      (s) =>
        `| ${s.label} | ${s.traffic} | ${cell(s.rps)} | ${cell(s.p50Ms)} | ${cell(s.p99Ms)} | ` +
        `${cell(s.gatewayCpuMs)} | ${cell(s.subgraphsCpuMs)} | ${cell(s.postgresCpuMs)} |`,
    ),
    '',
    ...(errors.length
      ? errors.map((s) => `- ${s.label}, ${s.traffic}: ${s.non2xx} non-2xx answers, ${s.socketErrors} socket errors`)
      : ['No request failed (no non-2xx answer, no socket error).']),
    ...unavailable.flatMap((u) => [
      '',
      `Not measured: ${u.gateway}, which did not start on this machine:`,
      '',
      '```',
      u.reason,
      '```',
    ]),
    '',
    'Each measurement is in `gateways.json` (`rounds`).',
    '',
  ].join('\n');
  writeFileSync(path.join(REPO, `bench/results/${RESULTS}.md`), md);
  console.log(md);
}

module.exports = { report };
