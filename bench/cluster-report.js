'use strict';
// bench/results/cluster.{json,md} from the rounds bench/cluster.js measured, with the scaling estimate computed
// from the cluster's CPU per request of each component.
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, git, median } = require('./lib');

const SERVICES = ['gateway', 'orders', 'customers', 'inventory', 'logistics'];
/** The set-ups, in the order of the report's columns. */
const SETUPS = ['single', 'split', 'cluster'];

/** The commit measured, marked when tracked files differ from it (the results this run replaces aside). */
function commit() {
  const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results');
  return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with uncommitted changes)' : ''}`;
}

/** Median, lowest and highest of `pick` over rounds. */
function spread(rounds, pick) {
  const values = rounds.map(pick);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const fixed = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const cell = ({ median: m, min, max }) => (min === max ? fixed(m) : `${fixed(m)} (${fixed(min)}-${fixed(max)})`);

/** The medians of CPU figures (node, postgres, nats, by service) over rounds. */
function marginalOf(figures) {
  const m = (pick) => median(figures.map(pick));
  return {
    node: m((f) => f.node),
    postgres: m((f) => f.postgres),
    nats: m((f) => f.nats),
    services: Object.fromEntries(Object.keys(figures[0].services).map((s) => [s, m((f) => f.services[s])])),
  };
}

/** Each set-up's figures over its cycles. */
function summarize(rounds) {
  const out = {};
  for (const setup of SETUPS) {
    const mine = rounds.filter((r) => r.setup === setup);
    if (!mine.length) continue;
    const q = (f) => spread(mine, (r) => f(r.query360));
    const i = (f) => spread(mine, (r) => f(r.intake));
    out[setup] = {
      cycles: mine.length,
      idleCpuMsPerSecond: marginalOf(mine.map((r) => r.idleCpuMsPerSecond)),
      query360: {
        rps: q((x) => x.rps),
        p50Ms: q((x) => x.p50Ms),
        p99Ms: q((x) => x.p99Ms),
        errors: mine.reduce((a, r) => a + r.query360.non2xx + r.query360.socketErrors, 0),
        sqlRequest: q((x) => x.sqlStatements.request),
        sqlEvents: q((x) => x.sqlStatements.events),
        nodeCpuMs: q((x) => x.cpuMs.node),
        postgresCpuMs: q((x) => x.cpuMs.postgres),
        natsCpuMs: q((x) => x.cpuMs.nats),
        marginal: marginalOf(mine.map((r) => r.query360.marginalCpuMs)),
      },
      intake: {
        placedPerSecond: i((x) => x.placedPerSecond),
        allocatedPerSecond: i((x) => x.allocatedPerSecond),
        p50Ms: i((x) => x.placedToAllocatedMs.p50),
        p99Ms: i((x) => x.placedToAllocatedMs.p99),
        failed: mine.reduce((a, r) => a + r.intake.failed, 0),
        errors: [...new Set(mine.flatMap((r) => r.intake.errors))],
        sqlRequest: i((x) => x.sqlStatements.request),
        sqlEvents: i((x) => x.sqlStatements.events),
        nodeCpuMs: i((x) => x.cpuMs.node),
        postgresCpuMs: i((x) => x.cpuMs.postgres),
        natsCpuMs: i((x) => x.cpuMs.nats),
        marginal: marginalOf(mine.map((r) => r.intake.marginalCpuMs)),
      },
    };
  }
  return out;
}

/**
 * What N machines would carry, from the cluster's CPU per unit of work: the stateless processes (gateways and
 * subgraph replicas) spread over N application machines of `cores` cores, one PostgreSQL primary and one NATS
 * server of `cores` cores each. Each component's ceiling is cores x 1000 / (its CPU ms per unit); the platform's
 * is the lowest. A CPU model: it leaves out lock waits (intake's stock rows) and the network between machines.
 */
function scaling(figures, cores) {
  const { node: app, postgres: pg, nats } = figures.marginal;
  const perMachine = (ms) => (ms > 0 ? (cores * 1000) / ms : Number.POSITIVE_INFINITY);
  const rows = [1, 2, 4, 8].map((n) => {
    const ceilings = { application: n * perMachine(app), postgres: perMachine(pg), nats: perMachine(nats) };
    const [first] = Object.entries(ceilings).sort((a, b) => a[1] - b[1]);
    return { machines: n, ...ceilings, bound: first[0], throughput: first[1] };
  });
  const heaviest = Object.entries(figures.marginal.services).sort((a, b) => b[1] - a[1])[0];
  return { rows, postgresFirstFrom: pg > 0 ? Math.ceil(app / pg) : null, heaviestService: heaviest };
}

function scalingTable(name, unit, s) {
  const n = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
  return [
    `**${name}** (${unit}/s; the bound in bold):`,
    '',
    '| application machines | application ceiling | PostgreSQL ceiling | NATS ceiling | platform |',
    '|---|---|---|---|---|',
    ...s.rows.map((r) => {
      const b = (k, x) => (r.bound === k ? `**${n(x)}**` : n(x));
      return `| ${r.machines} | ${b('application', r.application)} | ${b('postgres', r.postgres)} | ${b('nats', r.nats)} | ${n(r.throughput)} (${r.bound}) |`;
    }),
    '',
    `The heaviest service per ${unit.replace(/s$/, '')}: ${s.heaviestService[0]} (${fixed(s.heaviestService[1])} ms of CPU). ${s.postgresFirstFrom ? `PostgreSQL bounds the platform from ${s.postgresFirstFrom} application machine(s) on.` : ''}`,
    '',
  ];
}

/** What the failed intake calls answered, when any failed. */
function failures(summary) {
  const lines = [];
  for (const [setup, x] of Object.entries(summary))
    if (x.intake.errors.length)
      lines.push(`Failed intake calls, ${setup}: ${x.intake.errors.map((e) => `\`${e}\``).join('; ')}`, '');
  return lines;
}

function report({ settings, rounds, env }) {
  const summary = summarize(rounds);
  const cores = os.cpus().length;
  const run = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    machine: `${cores} x ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
    ...settings,
    seed: { customers: Number(env.SEED_CUSTOMERS), orders: Number(env.SEED_ORDERS) },
  };
  const cluster = summary.cluster;
  const scale = cluster && {
    query360: scaling(cluster.query360, cores),
    intake: scaling(cluster.intake, cores),
  };
  writeFileSync(
    path.join(REPO, 'bench/results/cluster.json'),
    `${JSON.stringify({ run, summary, scale, rounds }, null, 2)}\n`,
  );
  const c = cluster;
  const setups = SETUPS.filter((x) => summary[x]);
  const row = (label, f) => `| ${label} | ${setups.map((x) => f(summary[x])).join(' | ')} |`;
  const cpu = (w) => (x) =>
    `${fixed(x[w].nodeCpuMs.median)} + ${fixed(x[w].postgresCpuMs.median)} + ${fixed(x[w].natsCpuMs.median)}`;
  const services = (w) => SERVICES.map((x) => fixed(c?.[w].marginal.services[x] ?? 0)).join(' / ');
  const idle = (x) =>
    `${fixed(x.idleCpuMsPerSecond.node)} + ${fixed(x.idleCpuMsPerSecond.postgres)} + ${fixed(x.idleCpuMsPerSecond.nats)}`;
  const lines = [
    '# One process against the cluster',
    '',
    `${run.date.slice(0, 10)}, commit ${run.commit}, ${run.machine}, Node.js ${run.node}. Every set-up on the same`,
    'server PostgreSQL database, NATS JetStream and Redis, NODE_ENV=production, measured in turn in each of',
    `${settings.cycles} cycles (median, min-max). *single*: \`npm start\`'s one process. *split*: a process per service`,
    '(one gateway, one of each subgraph): what splitting costs, apart from replication. *cluster*: `npm run',
    `start:cluster\`'s ${settings.gateways} gateways and ${settings.replicas} replicas of each subgraph (ten processes).`,
    `360: wrk, ${settings.connections} connections for ${settings.seconds} s, varied over 1,000 customers (a cluster's`,
    `spread over its gateways). Intake: ${settings.clients} clients placing an order and waiting for ALLOCATED, for ${settings.seconds} s`,
    "(a cluster's clients round-robin over its gateways). CPU in ms per request or per order; SQL statements",
    'sent for the requests + by the event machinery (relays, consumers, the change feed).',
    '',
    `| | ${setups.join(' | ')} |`,
    `|---|${setups.map(() => '---|').join('')}`,
    row('360 RPS', (x) => cell(x.query360.rps)),
    row('360 p50 / p99 ms', (x) => `${cell(x.query360.p50Ms)} / ${cell(x.query360.p99Ms)}`),
    row('360 CPU: Node.js + PostgreSQL + NATS', cpu('query360')),
    row(
      '360 SQL statements per request',
      (x) => `${fixed(x.query360.sqlRequest.median)} + ${fixed(x.query360.sqlEvents.median)}`,
    ),
    row('360 errors', (x) => x.query360.errors),
    row(
      'intake orders/s placed / allocated',
      (x) => `${cell(x.intake.placedPerSecond)} / ${cell(x.intake.allocatedPerSecond)}`,
    ),
    row('intake placed-to-ALLOCATED p50 / p99 ms', (x) => `${cell(x.intake.p50Ms)} / ${cell(x.intake.p99Ms)}`),
    row('intake CPU: Node.js + PostgreSQL + NATS', cpu('intake')),
    row(
      'intake SQL statements per order',
      (x) => `${fixed(x.intake.sqlRequest.median)} + ${fixed(x.intake.sqlEvents.median)}`,
    ),
    row('intake failed calls', (x) => x.intake.failed),
    row('idle CPU ms per second: Node.js + PostgreSQL + NATS', idle),
    '',
    "What each unit adds to an idle set-up (the reading less the idle rate), the cluster's Node.js CPU by service",
    `(${SERVICES.join(' / ')}), ms: 360 ${services('query360')}; intake ${services('intake')}.`,
    '',
    '## Scaling to N machines (computed from the cluster column)',
    '',
    `Each component's ceiling is ${cores} cores x 1000 / the CPU ms each unit adds to it: the stateless processes (gateways,`,
    'subgraph replicas) spread over N application machines, one PostgreSQL primary and one NATS server, each a',
    `machine of ${cores} cores. A CPU model: lock waits and the network between machines are left out.`,
    '',
    ...scalingTable('360 query', 'requests', scale.query360),
    ...scalingTable('Intake', 'orders', scale.intake),
    ...failures(summary),
  ];
  writeFileSync(path.join(REPO, 'bench/results/cluster.md'), `${lines.join('\n')}\n`);
}

module.exports = { report };
