'use strict';
/**
 * Intake benchmark: 50 concurrent clients place orders through the gateway
 * for a fixed time; each order's placed-to-ALLOCATED latency is read from its
 * status history (PENDING at intake, ALLOCATED when inventory's reservation
 * came back through the events). Embedded PostgreSQL + in-process bus by
 * default; BENCH_NATS=1 uses NATS JetStream (NATS_URL or 127.0.0.1:4222).
 *   npm run build && node bench/intake.js   (BENCH_SECONDS=20 BENCH_CLIENTS=50)
 */
const { mkdtempSync, rmSync, chmodSync, writeFileSync } = require('node:fs');
const { randomUUID, randomBytes } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { platformEnv, startPlatform, stop, gql, percentile } = require('./lib');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const NATS = process.env.BENCH_NATS === '1';
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created } }';
const CITIES = ['Shanghai', 'Beijing', 'Guangzhou', 'Chengdu', 'Wuhan', 'Hangzhou', "Xi'an", 'Shenyang'];

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-intake-'));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await platformEnv(dataDir);
  Object.assign(env, { SEED_CUSTOMERS: '2000', SEED_ORDERS: '5000', LOG_LEVEL: 'warn' });
  if (NATS) Object.assign(env, { NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', NATS_STREAM: `BENCH_${randomBytes(3).toString('hex')}`, NATS_SUBJECT_PREFIX: `bench_${randomBytes(3).toString('hex')}` });
  const platform = await startPlatform(env);
  const db = new Client({ host: '127.0.0.1', port: Number(env.EMBEDDED_PG_PORT), user: 'postgres', password: 'postgres', database: 'supply_graph' });
  await db.connect();
  try {
    // Plenty of stock everywhere: this measures the flow, not backorders.
    await db.query('UPDATE inventory.stock_level SET on_hand = on_hand + 1000000');
    const runId = randomUUID().slice(0, 8);
    let placed = 0;
    let failed = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; Date.now() < deadline; i += 1) {
          const sku = `SKU-${String(1 + ((client * 7 + i) % 300)).padStart(4, '0')}`;
          try {
            await gql(ports.GATEWAY, PLACE, {
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
          } catch {
            failed += 1;
          }
        }
      }),
    );
    const placingMs = Date.now() - started;
    // Let the last events land.
    for (let i = 0; i < 300; i += 1) {
      const { rows } = await db.query("SELECT count(*)::int AS n FROM orders.sales_order WHERE external_id LIKE $1 AND status = 'PENDING'", [`BENCH-${runId}-%`]);
      if (!rows[0].n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
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
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, node ${process.version}`,
      bus: NATS ? 'NATS JetStream' : 'in-process',
      database: 'embedded PostgreSQL',
      clients: CLIENTS,
      seconds: SECONDS,
      placed,
      failed,
      allocated: rows.length,
      placedPerSecond: Math.round((placed / placingMs) * 1000),
      allocatedPerSecond: Math.round((rows.length / (lastAllocated - started)) * 1000),
      placedToAllocatedMs: { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) },
    };
    const file = path.join(__dirname, `results/intake-${NATS ? 'nats' : 'in-process'}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await db.end();
    await stop(platform.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
