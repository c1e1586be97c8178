'use strict';
/**
 * The intake load shared by `intake.js` (one platform) and `cluster.js` (one platform against the cluster):
 * CLIENTS closed-loop clients, each placing an order and waiting until it left PENDING before the next, and
 * the placed-to-ALLOCATED latency of each order read from its status history.
 */
const { Client } = require('pg');
const { gql, percentile } = require('./lib');

const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';
const CITIES = ['Shanghai', 'Beijing', 'Guangzhou', 'Chengdu', 'Wuhan', 'Hangzhou', "Xi'an", 'Shenyang'];

/**
 * Places orders until `deadline` with `clients` clients; client k talks to gateway `ports[k % ports.length]` (the
 * round-robin of a load balancer). Orders are tagged `BENCH-<runId>-`; returns the counts and the placing time.
 */
async function placeOrders(db, { ports, clients, runId, deadline }) {
  let placed = 0;
  let failed = 0;
  // The first few failures' messages, so a report can say what failed.
  const errors = [];
  const allocation = allocationWatcher(db);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const port = ports[client % ports.length];
      for (let i = 0; Date.now() < deadline; i += 1) {
        const sku = `SKU-${String(1 + ((client * 7 + i) % 300)).padStart(4, '0')}`;
        try {
          const data = await gql(port, PLACE, {
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
        } catch (err) {
          failed += 1;
          if (errors.length < 5) errors.push(String(err.message ?? err).slice(0, 300));
        }
      }
    }),
  );
  const placingMs = Date.now() - started;
  allocation.stop();
  return { placed, failed, errors, started, placingMs };
}

/** Until no order of the run is PENDING (the last events landed), at most 30 s. */
async function settle(db, runId) {
  for (let i = 0; i < 300; i += 1) {
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM orders.sales_order WHERE external_id LIKE $1 AND status = 'PENDING'",
      [`BENCH-${runId}-%`],
    );
    if (!rows[0].n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The run's allocated orders: how many, placed-to-ALLOCATED p50/p99, and when the last was allocated. */
async function allocations(db, runId) {
  const { rows } = await db.query(
    `SELECT extract(epoch FROM (a.at - p.at)) * 1000 AS ms, a.at AS allocated_at
     FROM orders.sales_order o
     JOIN orders.order_status_change p ON p.order_id = o.id AND p.to_status = 'PENDING'
     JOIN orders.order_status_change a ON a.order_id = o.id AND a.to_status = 'ALLOCATED'
     WHERE o.external_id LIKE $1`,
    [`BENCH-${runId}-%`],
  );
  const latencies = rows.map((r) => Number(r.ms));
  return {
    allocated: rows.length,
    lastAllocatedAt: Math.max(...rows.map((r) => new Date(r.allocated_at).getTime())),
    placedToAllocatedMs: { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) },
  };
}

/** A fresh database `name` on the server PostgreSQL (BENCH_DATABASE_URL), and how to drop it. */
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

module.exports = { placeOrders, settle, allocations, createDatabase };
