'use strict';
/**
 * Intake benchmark: 50 concurrent clients each place an order through the
 * gateway and wait until it is ALLOCATED before placing the next, for a fixed
 * time: orders per second end to end. Each order's placed-to-ALLOCATED
 * latency is read from its status history (PENDING at intake, ALLOCATED when
 * inventory's reservation came back through the events). Waiting closes the
 * loop: with 50 clients, throughput and latency are tied by Little's law
 * (500/s means 100 ms on average), and no backlog builds up to distort either.
 *
 * Two set-ups: the embedded default (embedded PostgreSQL, in-process bus) and,
 * with BENCH_SERVER=1, the production shape: the server PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; a
 * fresh database is made and dropped) with NATS JetStream (NATS_URL).
 *   npm run build && node bench/intake.js   (BENCH_SECONDS=20 BENCH_CLIENTS=50; BENCH_BASELINE=<built checkout>
 *   BENCH_ROUNDS=2 for a baseline side by side, alternating)
 */
const { mkdtempSync, rmSync, chmodSync, writeFileSync } = require('node:fs');
const { randomUUID, randomBytes } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { placeOrders, settle, allocations, createDatabase } = require('./intake-load');
const { REPO, platformEnv, startPlatform, stop, cpuSeconds, sqlStatements } = require('./lib');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SERVER = process.env.BENCH_SERVER === '1';

/** One platform of `checkout` started, measured for SECONDS with CLIENTS, stopped: its result. */
async function measure(checkout) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-intake-'));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await platformEnv(dataDir);
  Object.assign(env, { SEED_CUSTOMERS: '2000', SEED_ORDERS: '5000', LOG_LEVEL: 'warn' });
  const suffix = randomBytes(3).toString('hex');
  const server = SERVER ? await createDatabase(`sg_bench_${suffix}`) : null;
  if (server) {
    Object.assign(env, {
      DATABASE_URL: server.url,
      NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      NATS_STREAM: `BENCH_${suffix}`,
      NATS_SUBJECT_PREFIX: `bench_${suffix}`,
    });
  }
  const platform = await startPlatform(env, 120_000, checkout);
  const db = server
    ? new Client({ connectionString: server.url })
    : new Client({
        host: '127.0.0.1',
        port: Number(env.EMBEDDED_PG_PORT),
        user: 'postgres',
        password: 'postgres',
        database: 'supply_graph',
      });
  await db.connect();
  try {
    // Plenty of stock everywhere: this measures the flow, not backorders.
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000000');
    const runId = randomUUID().slice(0, 8);
    const cpuBefore = cpuSeconds(platform.child.pid);
    const sqlBefore = await sqlStatements(ports.ORDERS);
    const deadline = Date.now() + SECONDS * 1000;
    const { placed, failed, started, placingMs } = await placeOrders(db, {
      ports: [ports.GATEWAY],
      clients: CLIENTS,
      runId,
      deadline,
    });
    await settle(db, runId);
    const cpuAfter = cpuSeconds(platform.child.pid);
    const sqlAfter = await sqlStatements(ports.ORDERS);
    const { allocated, lastAllocatedAt, placedToAllocatedMs } = await allocations(db, runId);
    const result = {
      checkout: path.relative(process.cwd(), checkout) || '.',
      commit: execFileSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD']).toString().trim(),
      date: new Date().toISOString(),
      placed,
      failed,
      allocated,
      placedPerSecond: Math.round((placed / placingMs) * 1000),
      allocatedPerSecond: Math.round((allocated / (lastAllocatedAt - started)) * 1000),
      placedToAllocatedMs,
      // Cost per order, from placing the first to the last allocation: where the time goes.
      perOrder: {
        platformCpuMs: round1(((cpuAfter.own - cpuBefore.own) / allocated) * 1000),
        postgresCpuMs: round1(((cpuAfter.postgres - cpuBefore.postgres) / allocated) * 1000),
        sqlStatements: round1((sqlAfter.request - sqlBefore.request + sqlAfter.events - sqlBefore.events) / allocated),
        sqlStatementsForRequest: round1((sqlAfter.request - sqlBefore.request) / allocated),
      },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await db.end();
    await stop(platform.child);
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round1 = (n) => Math.round(n * 10) / 10;

/**
 * This checkout alone, or (BENCH_BASELINE=<built checkout>) side by side with a baseline: BENCH_ROUNDS rounds
 * (default 2), each measuring the baseline then this checkout, so that the machine's drift falls on both alike.
 */
async function main() {
  const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
  const rounds = Number(process.env.BENCH_ROUNDS ?? (baseline ? 2 : 1));
  const runs = { baseline: [], candidate: [] };
  for (let round = 0; round < rounds; round += 1) {
    if (baseline) runs.baseline.push(await measure(baseline));
    runs.candidate.push(await measure(REPO));
  }
  const result = {
    machine: `${os.cpus().length} cores, node ${process.version}`,
    bus: SERVER ? 'NATS JetStream' : 'in-process',
    database: SERVER ? 'PostgreSQL server' : 'embedded PostgreSQL',
    clients: CLIENTS,
    seconds: SECONDS,
    ...(baseline ? runs : { candidate: runs.candidate }),
  };
  const file = path.join(__dirname, `results/intake-${SERVER ? 'server-nats' : 'embedded'}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
