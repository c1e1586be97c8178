'use strict';
// The 360 query through this project's gateway, stock @apollo/gateway and stock Hive Gateway, side by side in one
// run (issue 11, targets 1-3): the four subgraphs of `npm start` in one process on one embedded PostgreSQL with the
// demo data (1,000 customers, 8,000 orders), each gateway in its own process on those subgraphs.
//
//   npm run build && node bench/gateways.js          (needs wrk; installs bench/stock on first use)
//   BENCH_WARMUP=30 BENCH_SECONDS=10 BENCH_CYCLES=8 BENCH_CONNECTIONS=20 (the defaults)
//   BENCH_GATEWAYS=project,project-nodedup,project-apollo-executor,apollo,hive,hive-nodedup,hive-rust (default: all)
//   BENCH_TRAFFIC=varied,identical (the default: both)
//   BENCH_PROFILE=<gateway>: that gateway alone under the same load with `node --cpu-prof` (the profile spans the
//     process's life: start, warm-up and measurements); prints where the .cpuprofile went (BENCH_PROFILE_DIR,
//     default a new directory under the system's tmp) and its summary (bench/profile-summary.js); writes no results.
//
// Traffic (wrk, BENCH_CONNECTIONS connections, each request the 360 query of e2e/operations/customer-360.graphql,
// variables { id, orders: 10 }, a staff bearer token with every scope): "varied", each request the next of 1,000
// customers; "identical", every request the same customer with 10 orders. Before measuring, every gateway must
// answer the query for a few customers with the same data as this project's gateway.
//
// The machine's speed drifts 10-30 % minute to minute: every variant is warmed up (BENCH_WARMUP s), then short
// measurements (BENCH_SECONDS) alternate over cycles whose order rotates (BENCH_CYCLES), one gateway under load at
// a time; figures are medians with their min-max. CPU per request from /proc: the gateway's process, the subgraphs'
// process (its own time), PostgreSQL (the embedded cluster's processes, exited backends included).
const { execFileSync, spawn } = require('node:child_process');
const {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const lib = require('./lib');
const { report } = require('./gateways-report');
const { summarize } = require('./profile-summary');

const { REPO } = lib;
const STOCK = path.join(REPO, 'bench/stock');
const SETTINGS = {
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 30),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  cycles: Number(process.env.BENCH_CYCLES ?? 8),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
  seed: { SEED_CUSTOMERS: '1000', SEED_ORDERS: '8000' },
};
const QUERY = readFileSync(path.join(REPO, 'e2e/operations/customer-360.graphql'), 'utf8');
const PROFILE = process.env.BENCH_PROFILE;

const stockVersion = (pkg) => require(path.join(STOCK, 'node_modules', pkg, 'package.json')).version;
const GATEWAYS = [
  // `cachesEntities`: the gateway keeps answers between requests (the entity cache), see `passOverPool`.
  { name: 'project', label: () => 'this project', script: 'gateway/dist/main.js', cachesEntities: true },
  // Target 1 is measured with every cache off: no fetch shared between requests.
  {
    name: 'project-nodedup',
    label: () => 'this project, in-flight dedup off',
    script: 'gateway/dist/main.js',
    SUBGRAPH_DEDUP: 'false',
    OPERATION_DEDUP: 'false',
    ENTITY_CACHE: 'false',
    // No bus either, as measured before the cache: this row is the gateway's own cost per request (target 2),
    // without its event tails (subscriptions, API clients), which stock @apollo/gateway does not run.
    NATS_URL: '',
  },
  // The project's gateway with @apollo/gateway's executor: what the own executor (gateway/src/execution) saves.
  {
    name: 'project-apollo-executor',
    label: () => 'this project, GATEWAY_EXECUTOR=apollo',
    script: 'gateway/dist/main.js',
    GATEWAY_EXECUTOR: 'apollo',
  },
  { name: 'apollo', label: () => `stock @apollo/gateway ${stockVersion('@apollo/gateway')}`, script: 'apollo.js' },
  {
    name: 'hive',
    label: () => `stock Hive Gateway (runtime ${stockVersion('@graphql-hive/gateway-runtime')})`,
    script: 'hive.js',
  },
  { name: 'hive-nodedup', label: () => 'Hive Gateway, in-flight dedup off', script: 'hive.js', HIVE_DEDUP: 'false' },
  {
    name: 'hive-rust',
    label: () => `Hive Gateway, Rust query planner (router-runtime ${stockVersion('@graphql-hive/router-runtime')})`,
    script: 'hive.js',
    HIVE_PLANNER: 'rust',
    optional: true,
  },
];

/** bench/stock's pinned gateways, installed outside the workspaces on first use. */
function ensureStock() {
  if (existsSync(path.join(STOCK, 'node_modules'))) return;
  console.log('installing the stock gateways into bench/stock/node_modules (npm ci)');
  execFileSync('npm', ['ci', '--prefix', STOCK, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** POSTs a GraphQL request; resolves to the parsed answer (null when nobody answers yet). */
async function post(port, body, authorization) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  } catch {
    return null;
  }
}

/** Starts one gateway in its own node process on the platform's subgraphs; resolves when it answers. */
async function startGateway(gateway, { env, ports, work, authorization, profileDir }) {
  const port = await lib.freePort();
  const urls = Object.fromEntries(
    ['ORDERS', 'CUSTOMERS', 'INVENTORY', 'LOGISTICS'].map((n) => [`${n}_URL`, `http://127.0.0.1:${ports[n]}/graphql`]),
  );
  const childEnv = { ...env, ...urls, PORT: String(port), GATEWAY_PORT: String(port) };
  for (const key of [
    'HIVE_DEDUP',
    'HIVE_PLANNER',
    'SUBGRAPH_DEDUP',
    'OPERATION_DEDUP',
    'GATEWAY_EXECUTOR',
    'ENTITY_CACHE',
    'NATS_URL',
  ])
    if (gateway[key] !== undefined) childEnv[key] = gateway[key];
  const script = gateway.name.startsWith('project')
    ? path.join(REPO, gateway.script)
    : path.join(STOCK, gateway.script);
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const logFile = path.join(work, `${gateway.name}.log`);
  const log = openSync(logFile, 'a');
  const child = lib.track(
    spawn(process.execPath, [...nodeArgs, script], { cwd: REPO, env: childEnv, stdio: ['ignore', log, log] }),
  );
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !exited) {
    const answer = await post(port, { query: '{ __typename }' }, authorization);
    if (answer?.status === 200 && answer.body.data) return { ...gateway, label: gateway.label(), port, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!exited) await stopProcess(child);
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`${gateway.name} gateway ${exited ?? 'did not answer within 120 s'}:\n${tail}`);
}

/** SIGTERM, and SIGKILL if it has not exited 15 s later (only processes this script started). */
function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The answer's data with every object's keys sorted: the same JSON for the same data whatever the key order. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  return value;
}

/** Every gateway must answer the 360 query for these customers with this project's gateway's data. */
async function checkSameAnswers(gateways, ids, authorization) {
  for (const id of ids) {
    let reference = null;
    for (const g of gateways) {
      const answer = await post(g.port, { query: QUERY, variables: { id, orders: 10 } }, authorization);
      if (answer?.status !== 200 || answer.body.errors || !answer.body.data?.customer)
        throw new Error(`${g.name} did not answer the 360 query for ${id}: ${JSON.stringify(answer).slice(0, 2000)}`);
      const data = JSON.stringify(canonical(answer.body.data));
      reference ??= { name: g.name, data };
      if (data !== reference.data)
        throw new Error(
          `${g.name} answers the 360 query for ${id} with other data than ${reference.name}:\n` +
            `${reference.name}: ${reference.data.slice(0, 3000)}\n${g.name}: ${data.slice(0, 3000)}`,
        );
    }
  }
  console.log(`${gateways.map((g) => g.name).join(', ')}: the same data for the 360 query of ${ids.length} customers`);
}

/** A customer with 10 orders (else the one with the most, at most 10) for the identical traffic. */
async function customerWithTenOrders(port, ids) {
  let best = { id: ids[0], count: -1 };
  for (const id of ids.slice(0, 200)) {
    const data = await lib.gql(port, 'query($id: ID!) { customer(id: $id) { orders(first: 1) { totalCount } } }', {
      id,
    });
    const count = data.customer.orders.totalCount;
    if (count === 10) return id;
    if (count < 10 && count > best.count) best = { id, count };
  }
  return best.id;
}

/** CPU seconds so far of the gateway's process, the subgraphs' process and the embedded PostgreSQL cluster. */
function cpuNow(gatewayPid, platformPid) {
  const platform = lib.cpuSeconds(platformPid);
  return { gateway: lib.cpuSeconds(gatewayPid).own, subgraphs: platform.own, postgres: platform.children };
}

function measure(variant, platformPid) {
  const before = cpuNow(variant.gateway.child.pid, platformPid);
  const result = lib.runWrk(variant.gateway.port, variant.script, SETTINGS);
  const after = cpuNow(variant.gateway.child.pid, platformPid);
  const perRequest = (key) => ((after[key] - before[key]) * 1000) / Math.max(1, result.requests);
  const round = {
    gateway: variant.gateway.name,
    traffic: variant.traffic,
    ...result,
    gatewayCpuMs: perRequest('gateway'),
    subgraphsCpuMs: perRequest('subgraphs'),
    postgresCpuMs: perRequest('postgres'),
  };
  console.log(
    `${variant.gateway.name} ${variant.traffic}: ${result.rps.toFixed(1)} RPS, p50 ${result.p50Ms.toFixed(1)} ms, ` +
      `p99 ${result.p99Ms.toFixed(1)} ms, CPU ms/req gateway ${round.gatewayCpuMs.toFixed(1)}, ` +
      `subgraphs ${round.subgraphsCpuMs.toFixed(1)}, PostgreSQL ${round.postgresCpuMs.toFixed(1)}, ` +
      `non-2xx ${result.non2xx}, socket errors ${result.socketErrors}`,
  );
  return round;
}

async function main() {
  ensureStock();
  const wanted = PROFILE ? [PROFILE] : (process.env.BENCH_GATEWAYS ?? GATEWAYS.map((g) => g.name).join(',')).split(',');
  const chosen = GATEWAYS.filter((g) => wanted.includes(g.name));
  if (!chosen.length || chosen.length !== wanted.length)
    throw new Error(`unknown gateway in ${wanted.join(',')}; known: ${GATEWAYS.map((g) => g.name).join(', ')}`);
  // The project's gateway is the reference every other answer is compared with.
  const needsProject = !chosen.some((g) => g.name === 'project') ? [GATEWAYS[0]] : [];
  const work = mkdtempSync(path.join(tmpdir(), 'bench-gateways-'));
  // Embedded PostgreSQL runs as the postgres user, which must reach its data directory in here.
  chmodSync(work, 0o755);
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir, { mode: 0o755 });
  const profileDir = PROFILE
    ? (process.env.BENCH_PROFILE_DIR ?? mkdtempSync(path.join(tmpdir(), 'bench-profile-')))
    : null;
  const { env, ports } = await lib.platformEnv(dataDir);
  // The subgraphs and every gateway share one internal secret (the platform would otherwise make its own).
  // Measured as deployed (NODE_ENV=production); the subgraphs and every gateway share its internal secret.
  Object.assign(env, SETTINGS.seed, lib.productionEnv(dataDir), lib.benchNatsEnv());
  const running = [];
  const unavailable = [];
  const rounds = [];
  let platform = null;
  try {
    platform = await lib.startPlatform(env, 300_000);
    const authorization = lib.authorizationFor(ports.GATEWAY);
    const ids = await lib.manyIds(ports.GATEWAY);
    if (ids.length < 1000) throw new Error(`only ${ids.length} customers in the demo data`);
    const identicalId = await customerWithTenOrders(ports.GATEWAY, ids);
    const context = { env, ports, work, authorization };
    for (const g of [...needsProject, ...chosen]) {
      try {
        running.push(await startGateway(g, { ...context, profileDir: g.name === PROFILE ? profileDir : null }));
      } catch (err) {
        if (!g.optional) throw err;
        console.error(`${g.name} is left out: ${err.message}`);
        unavailable.push({ gateway: g.name, reason: err.message.split('\n').slice(0, 12).join('\n') });
      }
    }
    await checkSameAnswers(running, [...ids.slice(0, 5), identicalId], authorization);
    const body = (id) => JSON.stringify({ query: QUERY, variables: { id, orders: 10 } });
    const traffic = Object.fromEntries(
      Object.entries({ varied: ids.map(body), identical: [body(identicalId)] }).filter(([name]) =>
        (process.env.BENCH_TRAFFIC ?? 'varied,identical').split(',').includes(name),
      ),
    );
    const variants = running
      .filter((g) => chosen.includes(GATEWAYS.find((x) => x.name === g.name)))
      .flatMap((gateway) =>
        Object.entries(traffic).map(([name, bodies]) => ({
          gateway,
          traffic: name,
          bodies,
          script: lib.writeWrkScript(path.join(work, `${gateway.name}-${name}.lua`), bodies, authorization),
        })),
      );
    for (const v of variants) {
      console.log(`warming up ${v.gateway.name} ${v.traffic} for ${SETTINGS.warmupSeconds} s`);
      lib.warmUp(v.gateway.port, v.script, { ...SETTINGS, seconds: SETTINGS.warmupSeconds });
    }
    for (let cycle = 1; cycle <= SETTINGS.cycles; cycle += 1) {
      // Rotate the order, so that a drift within the cycle favours no variant.
      const shift = (cycle - 1) % variants.length;
      for (const v of [...variants.slice(shift), ...variants.slice(0, shift)]) {
        if (v.gateway.cachesEntities && v.bodies.length > 1)
          await lib.passOverPool(v.gateway.port, v.bodies, authorization, SETTINGS.connections);
        rounds.push({ cycle, ...measure(v, platform.child.pid) });
      }
    }
    if (!PROFILE) report({ settings: SETTINGS, identicalId, gateways: running, unavailable, rounds, platformEnv: env });
  } finally {
    for (const g of running) await stopProcess(g.child);
    // The platform stops its embedded PostgreSQL itself.
    if (platform) await lib.stop(platform.child);
    rmSync(work, { recursive: true, force: true });
  }
  if (profileDir) {
    const profiles = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    for (const f of profiles) {
      console.log(`\nCPU profile of the ${PROFILE} gateway: ${path.join(profileDir, f)}`);
      summarize(path.join(profileDir, f));
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
