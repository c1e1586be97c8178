'use strict';
/**
 * Subscription fan-out benchmark: N WebSocket subscribers (graphql-transport-ws) on one gateway process (the
 * `npm start` topology, embedded PostgreSQL, in-process bus), all subscribed to orderStatusChanged with fields of
 * all four subgraphs. Orders are placed one at a time; for each status event the time from the change (its `at`)
 * to its delivery at the last subscriber is measured. Also: resolutions per event (the gateway's counter) and the
 * platform process's memory per subscriber after a forced garbage collection (through the inspector).
 *
 * With BENCH_BASE=<checkout> (built), that checkout's platform is measured too, in the same run with the same
 * clients: for each count both platforms start fresh, and each is measured in turn.
 *
 *   npm run build && node bench/subscriptions.js
 *   BENCH_SUBSCRIBERS=10000,20000 BENCH_ORDERS=20 BENCH_CLIENT_PROCESSES=2 BENCH_BASE=../base (the defaults but base)
 */
const { fork } = require('node:child_process');
const { mkdtempSync, rmSync, chmodSync, writeFileSync, readFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const WebSocket = require('ws');
const lib = require('./lib');

const COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '10000,20000').split(',').map(Number);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 20);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);
/**
 * A process here may hold 20,000 open files (hard limit, not raisable in this sandbox), and the platform needs a
 * few hundred for itself: past this many sockets, subscribers share a connection (two subscriptions on some).
 */
const MAX_SOCKETS = Number(process.env.BENCH_MAX_SOCKETS ?? 19_000);
const BASE = process.env.BENCH_BASE ? path.resolve(process.env.BENCH_BASE) : null;
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
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A forked client process with a request/answer helper over IPC. */
function clientProcess() {
  const child = lib.track(fork(path.join(__dirname, 'subscription-clients.js'), { stdio: 'inherit' }));
  let pending = null;
  child.on('message', (answer) => pending?.resolve(answer));
  child.on('exit', (code) => pending?.reject(new Error(`client process exited with ${code}`)));
  const ask = (message) =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      child.send(message);
    });
  return { child, ask };
}

/** The platform's memory after a forced full garbage collection, through its inspector (DevTools protocol). */
async function memoryAfterGc(inspectPort, pid) {
  const [{ webSocketDebuggerUrl }] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
  const ws = new WebSocket(webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++next;
      const onMessage = (raw) => {
        const msg = JSON.parse(raw);
        if (msg.id !== id) return;
        ws.off('message', onMessage);
        resolve(msg.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  // Twice: what the first collection frees (finalizers, weak references) the second one returns.
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const { result } = await call('Runtime.evaluate', {
    expression: 'JSON.stringify(process.memoryUsage())',
    returnByValue: true,
  });
  ws.close();
  const usage = JSON.parse(result.value);
  return { rssKiB: lib.rssKiB(pid, '-').node, heapKiB: (usage.heapUsed + usage.external) / 1024 };
}

/** BENCH_SNAPSHOT=<file>: a heap snapshot of the platform with the subscribers connected, for what each one costs. */
async function snapshot(inspectPort, file) {
  const [{ webSocketDebuggerUrl }] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
  const ws = new WebSocket(webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1e9 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const chunks = [];
  await new Promise((resolve) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw);
      if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(msg.params.chunk);
      if (msg.id === 1) resolve();
    });
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.takeHeapSnapshot', params: {} }));
  });
  require('node:fs').writeFileSync(file, chunks.join(''));
  ws.close();
}

/** CPU seconds of a process so far, user and system (clock ticks of /proc/<pid>/stat, 100 a second). */
function cpuSplit(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

async function metric(port, name) {
  const text = await lib.scrape(port);
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

async function startSide(name, checkout, work) {
  const dataDir = mkdtempSync(path.join(work, `${name}-`));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await lib.platformEnv(dataDir);
  Object.assign(env, { SEED_CUSTOMERS: '2000', SEED_ORDERS: '5000', LOG_LEVEL: 'warn', SUBSCRIPTION_BUFFER: '1000' });
  const inspectPort = await lib.freePort();
  const platform = await lib.startPlatform(env, 300_000, checkout, [`--inspect=127.0.0.1:${inspectPort}`]);
  return { name, checkout, ports, inspectPort, platform };
}

/** Every client process opens its share of `count` subscribers on the side's gateway. */
async function connect(side, clients, count) {
  const sockets = Math.min(count, MAX_SOCKETS);
  const url = `ws://127.0.0.1:${side.ports.GATEWAY}/graphql`;
  const authorization = lib.authorizationFor(side.ports.GATEWAY);
  // Subscribers in order: the first `count - sockets` sockets carry two subscriptions, the others one.
  const doubled = count - sockets;
  const plans = clients.map((_, i) => {
    const share = Math.floor(sockets / clients.length) + (i < sockets % clients.length ? 1 : 0);
    const twice = Math.floor(doubled / clients.length) + (i < doubled % clients.length ? 1 : 0);
    return { share, twice };
  });
  const started = Date.now();
  await Promise.all(
    clients.map(async (c, i) => {
      const { share, twice } = plans[i];
      // Loopback spreads over 127.0.0.0/8: each client process its own source address, so its own ports.
      const localAddress = `127.0.0.${10 + i}`;
      const base = { cmd: 'open', url, authorization, subscription: SUBSCRIPTION, localAddress };
      if (twice) await c.ask({ ...base, sockets: twice, perSocket: 2 });
      if (share - twice) await c.ask({ ...base, sockets: share - twice, perSocket: 1 });
    }),
  );
  while ((await metric(side.ports.GATEWAY, 'supply_graph_subscribers')) < count) await sleep(100);
  return { sockets, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function placeOrders(side, count) {
  for (let i = 0; i < ORDERS; i += 1) {
    await lib.gql(side.ports.GATEWAY, PLACE, {
      input: {
        channel: 'webstore',
        externalId: `SUBBENCH-${count}-${Date.now()}-${i}`,
        buyer: { name: `Bench ${i}`, email: `subbench${i}@example.com` },
        currency: 'CNY',
        lines: [{ sku: `SKU-${String(1 + (i % 300)).padStart(4, '0')}`, quantity: 1, unitPrice: '19.90' }],
        shippingAddress: { country: 'CN', city: 'Shanghai', line1: `Bench Road ${i}` },
      },
    });
    await sleep(250);
  }
}

/** The client processes' deliveries merged: eventId -> { at, last, count, errors }. */
async function collect(clients) {
  const merged = new Map();
  let shapeErrors = 0;
  for (const report of await Promise.all(clients.map((c) => c.ask({ cmd: 'report' })))) {
    shapeErrors += report.shapeErrors;
    for (const [eventId, at, count, last, errors] of report.deliveries) {
      const d = merged.get(eventId) ?? { at, last: 0, count: 0, errors: 0 };
      d.count += count;
      d.last = Math.max(d.last, last);
      d.errors += errors;
      merged.set(eventId, d);
    }
  }
  return { merged, shapeErrors };
}

async function run(side, clients, count) {
  const { GATEWAY } = side.ports;
  const pid = side.platform.child.pid;
  const memBefore = await memoryAfterGc(side.inspectPort, pid);
  const connection = await connect(side, clients, count);
  const memWith = await memoryAfterGc(side.inspectPort, pid);
  if (process.env.BENCH_SNAPSHOT) await snapshot(side.inspectPort, process.env.BENCH_SNAPSHOT);
  const resolutionsBefore = await metric(GATEWAY, 'supply_graph_subscription_resolutions_total');
  const eventsBefore = await metric(GATEWAY, 'supply_graph_subscription_events_total');
  const cpuBefore = cpuSplit(pid);
  await placeOrders(side, count);
  // Every event reaches every subscriber before we measure.
  const deadline = Date.now() + 120_000;
  let report = await collect(clients);
  while (
    Date.now() < deadline &&
    (report.merged.size < ORDERS * 2 || [...report.merged.values()].some((d) => d.count < count))
  ) {
    await sleep(500);
    report = await collect(clients);
  }
  const cpuAfter = cpuSplit(pid);
  const events = [...report.merged.values()];
  const lastMs = events.map((d) => d.last - d.at);
  const events_ = (await metric(GATEWAY, 'supply_graph_subscription_events_total')) - eventsBefore;
  const resolutions = (await metric(GATEWAY, 'supply_graph_subscription_resolutions_total')) - resolutionsBefore;
  await Promise.all(clients.map((c) => c.ask({ cmd: 'close' })));
  while ((await metric(GATEWAY, 'supply_graph_subscribers')) > 0) await sleep(100);
  return {
    checkout: side.name,
    subscribers: count,
    sockets: connection.sockets,
    connectSeconds: connection.seconds,
    events: events.length,
    deliveriesComplete: events.length === ORDERS * 2 && events.every((d) => d.count === count),
    errors: events.reduce((a, d) => a + d.errors, 0),
    shapeErrors: report.shapeErrors,
    changeToLastDeliveryMs: {
      p50: Math.round(lib.percentile(lastMs, 50)),
      p99: Math.round(lib.percentile(lastMs, 99)),
      max: Math.round(Math.max(...lastMs)),
    },
    resolutionsPerEvent: Math.round((resolutions / Math.max(1, events_)) * 100) / 100,
    // The platform process's CPU per event (placing the order included), in user space and in the kernel (socket
    // writes; on loopback the kernel's receive path for the clients too).
    platformCpuMsPerEvent: {
      user: Math.round(((cpuAfter.user - cpuBefore.user) * 1000) / Math.max(1, events_)),
      system: Math.round(((cpuAfter.system - cpuBefore.system) * 1000) / Math.max(1, events_)),
    },
    memory: {
      rssMiB: { before: Math.round(memBefore.rssKiB / 1024), withSubscribers: Math.round(memWith.rssKiB / 1024) },
      rssKiBPerSubscriber: Math.round(((memWith.rssKiB - memBefore.rssKiB) / count) * 10) / 10,
      heapKiBPerSubscriber: Math.round(((memWith.heapKiB - memBefore.heapKiB) / count) * 10) / 10,
    },
  };
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-subs-'));
  chmodSync(work, 0o755);
  const clients = Array.from({ length: CLIENT_PROCESSES }, clientProcess);
  const results = [];
  try {
    for (const count of COUNTS) {
      // Fresh platforms for each count: the memory figures start from a process that has held no subscribers.
      const sides = [];
      if (BASE) sides.push(await startSide('base', BASE, work));
      sides.push(await startSide('this', lib.REPO, work));
      try {
        for (const side of sides) {
          const result = await run(side, clients, count);
          process.stdout.write(`${JSON.stringify(result)}\n`);
          results.push(result);
        }
      } finally {
        for (const side of sides) await lib.stop(side.platform.child);
      }
    }
    const out = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, node ${process.version}`,
      ordersPerRun: ORDERS,
      clientProcesses: CLIENT_PROCESSES,
      base: BASE ? baseCommit(BASE) : null,
      results,
    };
    if (process.env.BENCH_WRITE !== '0')
      writeFileSync(path.join(__dirname, 'results/subscriptions.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    for (const c of clients) c.child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

function baseCommit(checkout) {
  return require('node:child_process')
    .execFileSync('git', ['-C', checkout, 'log', '-1', '--format=%h %s'])
    .toString()
    .trim();
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
