'use strict';
/**
 * Subscription fan-out benchmark: N WebSocket subscribers (graphql-transport-ws)
 * on one gateway process (the `npm start` topology, embedded PostgreSQL,
 * in-process bus), all subscribed to orderStatusChanged with fields of all
 * four subgraphs. Orders are placed one at a time; for each status event the
 * time from the change (its `at`) to its delivery at the last subscriber is
 * measured. Also: resolutions per event (the gateway's counter) and the
 * platform process's memory with the subscribers connected.
 *   npm run build && node bench/subscriptions.js   (BENCH_SUBSCRIBERS=1000,5000,10000 BENCH_ORDERS=20)
 */
const { mkdtempSync, rmSync, chmodSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const WebSocket = require('ws');
const { platformEnv, startPlatform, stop, gql, percentile, rssKiB, authorizationFor } = require('./lib');

const COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000,10000').split(',').map(Number);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 20);
const SUBSCRIPTION = `subscription Bench {
  orderStatusChanged {
    eventId from to at
    order {
      id status customer { id name } lines { sku quantity }
      allocations { sku warehouse { code } } shipments { trackingNumber carrier { code } }
    }
  }
}`;
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';

/** Opens one subscriber with the bare protocol (lighter than a client library at 10,000 sockets). */
function subscriber(url, authorization, onEvent) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    ws.on('message', (raw) => {
      const receivedAt = Date.now();
      const msg = JSON.parse(raw);
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
        resolve(ws);
      } else if (msg.type === 'next') onEvent(msg.payload, receivedAt);
      else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
    ws.on('error', reject);
  });
}

async function metric(port, name) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

async function run(count, ports, pid, dataDir) {
  const url = `ws://127.0.0.1:${ports.GATEWAY}/graphql`;
  const deliveries = new Map(); // eventId -> { at, last, count, errors }
  const onEvent = (payload, receivedAt) => {
    const e = payload.data?.orderStatusChanged;
    if (!e) return;
    const d = deliveries.get(e.eventId) ?? { at: Date.parse(e.at), last: 0, count: 0, errors: 0 };
    d.last = Math.max(d.last, receivedAt);
    d.count += 1;
    if (payload.errors) d.errors += 1;
    deliveries.set(e.eventId, d);
  };
  const memBefore = rssKiB(pid, dataDir);
  const sockets = [];
  const connectStarted = Date.now();
  for (let i = 0; i < count; i += 200) {
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(200, count - i) }, () =>
          subscriber(url, authorizationFor(ports.GATEWAY), onEvent),
        ),
      )),
    );
  }
  const connectMs = Date.now() - connectStarted;
  while ((await metric(ports.GATEWAY, 'supply_graph_subscribers')) < count)
    await new Promise((r) => setTimeout(r, 100));
  const memWith = rssKiB(pid, dataDir);
  const resolutionsBefore = await metric(ports.GATEWAY, 'supply_graph_subscription_resolutions_total');
  const eventsBefore = await metric(ports.GATEWAY, 'supply_graph_subscription_events_total');
  for (let i = 0; i < ORDERS; i += 1) {
    await gql(ports.GATEWAY, PLACE, {
      input: {
        channel: 'webstore',
        externalId: `SUBBENCH-${count}-${Date.now()}-${i}`,
        buyer: { name: `Bench ${i}`, email: `subbench${i}@example.com` },
        currency: 'CNY',
        lines: [{ sku: `SKU-${String(1 + (i % 300)).padStart(4, '0')}`, quantity: 1, unitPrice: '19.90' }],
        shippingAddress: { country: 'CN', city: 'Shanghai', line1: `Bench Road ${i}` },
      },
    });
    await new Promise((r) => setTimeout(r, 250));
  }
  // Every event reaches every subscriber before we measure.
  const deadline = Date.now() + 120_000;
  while (
    Date.now() < deadline &&
    (deliveries.size < ORDERS * 2 || [...deliveries.values()].some((d) => d.count < count))
  ) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const events = [...deliveries.values()];
  const lastMs = events.map((d) => d.last - d.at);
  const events_ = (await metric(ports.GATEWAY, 'supply_graph_subscription_events_total')) - eventsBefore;
  const resolutions = (await metric(ports.GATEWAY, 'supply_graph_subscription_resolutions_total')) - resolutionsBefore;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise((r) => {
          ws.once('close', r);
          ws.close();
        }),
    ),
  );
  return {
    subscribers: count,
    connectSeconds: Math.round(connectMs / 100) / 10,
    events: events.length,
    deliveriesComplete: events.every((d) => d.count === count),
    errors: events.reduce((a, d) => a + d.errors, 0),
    changeToLastDeliveryMs: {
      p50: Math.round(percentile(lastMs, 50)),
      p99: Math.round(percentile(lastMs, 99)),
      max: Math.round(Math.max(...lastMs)),
    },
    resolutionsPerEvent: Math.round((resolutions / Math.max(1, events_)) * 100) / 100,
    platformRssMiB: { before: Math.round(memBefore.node / 1024), withSubscribers: Math.round(memWith.node / 1024) },
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-subs-'));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await platformEnv(dataDir);
  Object.assign(env, { SEED_CUSTOMERS: '2000', SEED_ORDERS: '5000', LOG_LEVEL: 'warn', SUBSCRIPTION_BUFFER: '1000' });
  const platform = await startPlatform(env);
  try {
    const results = [];
    for (const count of COUNTS) {
      const result = await run(count, ports, platform.child.pid, dataDir);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      results.push(result);
    }
    const out = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, node ${process.version}`,
      ordersPerRun: ORDERS,
      results,
    };
    writeFileSync(path.join(__dirname, 'results/subscriptions.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await stop(platform.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
