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
const { REPO, platformEnv, startPlatform, stop, gql, percentile, cpuSeconds, sqlStatements } = require('./lib');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SERVER = process.env.BENCH_SERVER === '1';
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const CITIES = ['Shanghai', 'Beijing', 'Guangzhou', 'Chengdu', 'Wuhan', 'Hangzhou', "Xi'an", 'Shenyang'];

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
    let placed = 0;
    let failed = 0;
    const cpuBefore = cpuSeconds(platform.child.pid);
    const sqlBefore = await sqlStatements(ports.ORDERS);
    const allocation = allocationWatcher(db);
    const deadline = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; Date.now() < deadline; i += 1) {
          const sku = `SKU-${String(1 + ((client * 7 + i) % 300)).padStart(4, '0')}`;
          try {
            const data = await gql(ports.GATEWAY, PLACE, {
              input: {
                channel: 'webstore',
                externalId: `BENCH-${runId}-${client}-${i}`,
                buyer: { name: `Bench Buyer ${client}`, email: `bench${client}@example.com` },
                currency: 'CNY',
                lines: [{ sku, quantity: 1, unitPrice: '19.90' }],
                shippingAddress: { country: 'CN', city: CITIES[(client + i) % CITIES.length] },
              },
            });
            placed += 1;
            await allocation.wait(data.placeOrder.order.id);
          } catch {
            failed += 1;
          }
        }
      }),
    );
    const placingMs = Date.now() - started;
    allocation.stop();
    // Let the last events land.
    for (let i = 0; i < 300; i += 1) {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n FROM orders.sales_order WHERE external_id LIKE $1 AND status = 'PENDING'",
        [`BENCH-${runId}-%`],
      );
      if (!rows[0].n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cpuAfter = cpuSeconds(platform.child.pid);
    const sqlAfter = await sqlStatements(ports.ORDERS);
    const { rows } = await db.query(
      `SELECT extract(epoch FROM (a.at - p.at)) * 1000 AS ms, a.at AS allocated_at
       FROM orders.sales_order o
       JOIN orders.order_status_change p ON p.order_id = o.id AND p.to_status = 'PENDING'
       JOIN orders.order_status_change a ON a.order_id = o.id AND a.to_status = 'ALLOCATED'
       WHERE o.external_id LIKE $1`,
      [`BENCH-${runId}-%`],
    );
    const latencies = rows.map((r) => Number(r.ms));
    const lastAllocated = Math.max(...rows.map((r) => new Date(r.allocated_at).getTime()));
    const result = {
      checkout: path.relative(process.cwd(), checkout) || '.',
      commit: execFileSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD']).toString().trim(),
      date: new Date().toISOString(),
      placed,
      failed,
      allocated: rows.length,
      placedPerSecond: Math.round((placed / placingMs) * 1000),
      allocatedPerSecond: Math.round((rows.length / (lastAllocated - started)) * 1000),
      placedToAllocatedMs: { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) },
      // Cost per order, from placing the first to the last allocation: where the time goes.
      perOrder: {
        platformCpuMs: round1(((cpuAfter.own - cpuBefore.own) / rows.length) * 1000),
        postgresCpuMs: round1(((cpuAfter.postgres - cpuBefore.postgres) / rows.length) * 1000),
        sqlStatements: round1(
          (sqlAfter.request - sqlBefore.request + sqlAfter.events - sqlBefore.events) / rows.length,
        ),
        sqlStatementsForRequest: round1((sqlAfter.request - sqlBefore.request) / rows.length),
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

async function createDatabase(name) {
  const admin = new Client({
    connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin.connectionParameters.connectionString ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Tells clients when their order left PENDING: one query every 5 ms for all
 * waiting orders, rather than 50 clients polling (which would load the
 * database being measured).
 */
function allocationWatcher(db) {
  const waiting = new Map();
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      if (waiting.size) {
        // Named: PostgreSQL plans it once, so the benchmark's own polling weighs little in the CPU per order.
        const { rows } = await db.query({
          name: 'bench-allocated',
          text: "SELECT id FROM orders.sales_order WHERE id = ANY($1::uuid[]) AND status <> 'PENDING'",
          values: [[...waiting.keys()]],
        });
        for (const { id } of rows) {
          waiting.get(id)();
          waiting.delete(id);
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  void loop();
  return {
    wait: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    stop: () => {
      stopped = true;
    },
  };
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
