'use strict';
/**
 * One process against the cluster, in one run: `npm start`'s single process (gateway and the four subgraphs in
 * one Node.js process), the services split into a process each (`start:cluster -- --gateways 1 --replicas 1`:
 * what splitting costs, apart from replication) and `npm run start:cluster`'s topology (2 gateways, 2 replicas of
 * each subgraph: ten processes), all on the same server PostgreSQL database, NATS JetStream and Redis, in
 * production mode. Each
 * cycle starts each set-up in turn and measures, on it:
 *  - the 360 query, varied over 1,000 customers: wrk, 20 connections (a cluster's spread over its gateways,
 *    one wrk thread per gateway, one latency record), RPS, p50/p99, CPU per request of every component;
 *  - intake: 50 closed-loop clients placing an order and waiting for ALLOCATED (a cluster's clients round-robin
 *    over its gateways), orders per second, placed-to-ALLOCATED p50/p99, CPU per order of every component.
 * The CPU per request of each service of the cluster (its processes summed) is what the scaling estimate in the
 * report is computed from. Results: bench/results/cluster.{json,md}.
 *   npm run build && node bench/cluster.js   (BENCH_SECONDS=20 BENCH_CYCLES=2; needs wrk and the servers)
 */
const { mkdtempSync, readFileSync, readdirSync, rmSync, chmodSync, writeFileSync } = require('node:fs');
const { randomBytes, randomUUID } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const lib = require('./lib');
const { placeOrders, settle, allocations, createDatabase } = require('./intake-load');
const { report } = require('./cluster-report');

const SETTINGS = {
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  cycles: Number(process.env.BENCH_CYCLES ?? 2),
  connections: 20,
  clients: 50,
  gateways: 2,
  replicas: 2,
};
const QUERY = readFileSync(path.join(lib.REPO, 'e2e/operations/customer-360.graphql'), 'utf8');
const SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'];
const { startProcessCluster } = require(path.join(lib.REPO, 'platform/dist/cluster.js'));

/** `npm start`'s process on the shared servers: one gateway port, one pid for everything. */
async function startSingle(env) {
  const ports = {};
  const own = { ...env };
  for (const name of ['GATEWAY', ...SUBGRAPHS.map((s) => s.toUpperCase())]) {
    ports[name] = await lib.freePort();
    own[`${name}_PORT`] = String(ports[name]);
  }
  const platform = await lib.startPlatform(own);
  return {
    gatewayPorts: [ports.GATEWAY],
    // One process: every service's statements on the metrics of any of its ports.
    metricsPorts: [ports.ORDERS],
    pids: () => ({ platform: platform.child.pid }),
    stop: () => lib.stop(platform.child),
  };
}

/** The cluster's ten processes, each service's pids under its name. */
async function startCluster(env, layout) {
  const ports = new Map();
  // freePort closes its probe before the next call, which may then get the same port back: each port once.
  const taken = new Set();
  for (const service of ['gateway', ...SUBGRAPHS])
    for (let replica = 1; replica <= Math.max(layout.gateways, layout.replicas); replica++) {
      let port = await lib.freePort();
      while (taken.has(port)) port = await lib.freePort();
      taken.add(port);
      ports.set(`${service}-${replica}`, port);
    }
  const cluster = await startProcessCluster({
    env,
    layout: { ...layout, portOf: (service, replica) => ports.get(`${service}-${replica}`) },
  });
  return {
    gatewayPorts: cluster.gatewayUrls.map((url) => Number(new URL(url).port)),
    metricsPorts: cluster.members.filter((m) => m.service !== 'gateway').map((m) => m.port),
    pids: () => {
      const byService = {};
      for (const m of cluster.members) byService[m.service] = [...(byService[m.service] ?? []), cluster.pidOf(m.id)];
      return byService;
    },
    stop: () => cluster.stop(),
  };
}

/** The pid of the machine's NATS server (its CPU is part of each set-up's cost). */
function natsPid() {
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'nats-server') return Number(d);
    } catch {}
  }
  return null;
}

/** CPU seconds so far of each Node.js service of a set-up, of PostgreSQL (every backend) and of NATS. */
function cpuNow(setup) {
  const out = { node: {}, postgres: lib.cpuSeconds(process.pid).postgres, nats: 0 };
  for (const [service, pids] of Object.entries(setup.pids()))
    out.node[service] = [pids].flat().reduce((sum, pid) => sum + lib.cpuSeconds(pid).own, 0);
  const nats = natsPid();
  if (nats) out.nats = lib.cpuSeconds(nats).own;
  return out;
}

/** SQL statements sent so far by every subgraph process of a set-up. */
async function statements(setup) {
  const total = { request: 0, events: 0 };
  for (const port of setup.metricsPorts) {
    const { request, events } = await lib.sqlStatements(port);
    total.request += request;
    total.events += events;
  }
  return total;
}

/** Statements per unit between two readings: sent for requests, and by the event machinery (relays, consumers). */
const statementsPer = (before, after, units) => ({
  request: round1((after.request - before.request) / units),
  events: round1((after.events - before.events) / units),
});

/** Milliseconds of CPU per unit of work between two readings, by component. */
function cpuPer(before, after, units) {
  const ms = (a, b) => Math.round((((a - b) * 1000) / Math.max(1, units)) * 100) / 100;
  const services = Object.fromEntries(Object.keys(after.node).map((s) => [s, ms(after.node[s], before.node[s])]));
  const node = Object.values(services).reduce((a, b) => a + b, 0);
  return {
    node: Math.round(node * 100) / 100,
    services,
    postgres: ms(after.postgres, before.postgres),
    nats: ms(after.nats, before.nats),
  };
}

const round1 = (n) => Math.round(n * 10) / 10;

/** CPU per second of each component of a set-up left idle (relays polling, timers, health checks). */
async function measureIdle(setup, seconds = 5) {
  const before = cpuNow(setup);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return cpuPer(before, cpuNow(setup), seconds);
}

/**
 * The CPU each unit adds to an idle set-up: the reading less the idle rate over the time the unit took. What the
 * scaling estimate uses, since the idle part stays per process and does not grow with load.
 */
function marginal(cpuMs, idle, unitsPerSecond) {
  const less = (ms, idleMs) => Math.max(0, Math.round((ms - idleMs / unitsPerSecond) * 100) / 100);
  const services = Object.fromEntries(Object.entries(cpuMs.services).map(([s, ms]) => [s, less(ms, idle.services[s])]));
  return {
    node: Math.round(Object.values(services).reduce((a, b) => a + b, 0) * 100) / 100,
    services,
    postgres: less(cpuMs.postgres, idle.postgres),
    nats: less(cpuMs.nats, idle.nats),
  };
}

/** The 360 query on a set-up: caches filled for the pool through each gateway, warmed, then measured. */
async function measure360(setup, bodies, authorization, work) {
  const script = lib.writeWrkScript(
    path.join(work, `wrk-${setup.gatewayPorts.join('-')}.lua`),
    bodies,
    authorization,
    setup.gatewayPorts.length > 1 ? setup.gatewayPorts : [],
  );
  for (const port of setup.gatewayPorts) await lib.passOverPool(port, bodies, authorization, SETTINGS.connections);
  lib.warmUp(setup.gatewayPorts[0], script, { seconds: 5, connections: SETTINGS.connections });
  const sqlBefore = await statements(setup);
  const before = cpuNow(setup);
  const result = lib.runWrk(setup.gatewayPorts[0], script, SETTINGS);
  const after = cpuNow(setup);
  const sql = statementsPer(sqlBefore, await statements(setup), result.requests);
  return { ...result, cpuMs: cpuPer(before, after, result.requests), sqlStatements: sql };
}

/** Intake on a set-up: SETTINGS.clients clients spread over its gateways for SETTINGS.seconds. */
async function measureIntake(setup, db) {
  const runId = randomUUID().slice(0, 8);
  const sqlBefore = await statements(setup);
  const before = cpuNow(setup);
  const { placed, failed, errors, started, placingMs } = await placeOrders(db, {
    ports: setup.gatewayPorts,
    clients: SETTINGS.clients,
    runId,
    deadline: Date.now() + SETTINGS.seconds * 1000,
  });
  await settle(db, runId);
  const after = cpuNow(setup);
  const sqlAfter = await statements(setup);
  const { allocated, lastAllocatedAt, placedToAllocatedMs } = await allocations(db, runId);
  return {
    placed,
    failed,
    errors,
    sqlStatements: statementsPer(sqlBefore, sqlAfter, allocated),
    allocated,
    placedPerSecond: Math.round((placed / placingMs) * 1000),
    allocatedPerSecond: Math.round((allocated / (lastAllocatedAt - started)) * 1000),
    placedToAllocatedMs,
    cpuMs: cpuPer(before, after, allocated),
  };
}

async function main() {
  const suffix = randomBytes(3).toString('hex');
  const database = await createDatabase(`sg_bench_cluster_${suffix}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-cluster-bench-'));
  chmodSync(work, 0o755);
  const env = {
    ...process.env,
    ...lib.productionEnv(work),
    ...lib.benchNatsEnv(),
    DATA_DIR: work,
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    SEED_CUSTOMERS: '2000',
    SEED_ORDERS: '5000',
    // Ten processes on one server: each service's pool as large as the single process's share would be.
    DB_POOL_SIZE: '8',
  };
  const db = new Client({ connectionString: database.url });
  const rounds = [];
  try {
    execFileSync(process.execPath, ['platform/dist/seed-cli.js'], { cwd: lib.REPO, env, stdio: 'ignore' });
    await db.connect();
    // Plenty of stock everywhere: intake measures the flow, not backorders.
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000000');
    let bodies = null;
    for (let cycle = 1; cycle <= SETTINGS.cycles; cycle++)
      for (const [name, start] of [
        ['single', startSingle],
        ['split', (e) => startCluster(e, { gateways: 1, replicas: 1 })],
        ['cluster', (e) => startCluster(e, SETTINGS)],
      ]) {
        const setup = await start(env);
        try {
          const token = lib.mintToken(env);
          for (const port of setup.gatewayPorts) lib.useToken(port, token);
          bodies ??= (await lib.manyIds(setup.gatewayPorts[0])).map((id) =>
            JSON.stringify({ query: QUERY, variables: { id, orders: 10 } }),
          );
          const idle = await measureIdle(setup);
          const query360 = await measure360(setup, bodies, `Bearer ${token}`, work);
          query360.marginalCpuMs = marginal(query360.cpuMs, idle, query360.rps);
          const intake = await measureIntake(setup, db);
          intake.marginalCpuMs = marginal(intake.cpuMs, idle, intake.allocatedPerSecond);
          const round = { setup: name, cycle, idleCpuMsPerSecond: idle, query360, intake };
          process.stdout.write(`${JSON.stringify(round)}\n`);
          rounds.push(round);
        } finally {
          await setup.stop();
        }
      }
  } finally {
    await db.end().catch(() => {});
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
  // The rounds first: a report that fails must not lose a run's measurements.
  writeFileSync(path.join(lib.REPO, 'bench/results/cluster.json'), `${JSON.stringify({ rounds }, null, 2)}\n`);
  report({ settings: SETTINGS, rounds, env });
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
