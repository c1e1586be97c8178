'use strict';
// Small helpers shared by the benchmark scripts (plain Node, no build step).
const { spawn, execSync, execFileSync } = require('node:child_process');
const net = require('node:net');

const REPO = require('node:path').resolve(__dirname, '..');

/** A git command's output in this repository, trimmed: the commit a result was measured at goes with it. */
const git = (...args) => execFileSync('git', args, { cwd: REPO }).toString().trim();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function platformEnv(dataDir) {
  // One staff token drives the load: its rate budget must not be what is measured.
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    EMBEDDED_PG_PORT: String(await freePort()),
    RATE_LIMIT_PER_MINUTE: '1000000',
    // A scheduled forecast refit a minute after start would take a core from what is measured.
    INVENTORY_FORECAST_REFIT_HOURS: '0',
  };
  delete env.DATABASE_URL;
  const ports = {};
  for (const name of ['GATEWAY', 'ORDERS', 'CUSTOMERS', 'INVENTORY', 'LOGISTICS']) {
    ports[name] = await freePort();
    env[`${name}_PORT`] = String(ports[name]);
  }
  return { env, ports };
}

/**
 * What a deployment sets and `npm start` does not: NODE_ENV=production (graphql-js, Apollo Server and express take
 * their production paths) and the secrets it then asks for; the signing key stays in the data directory.
 */
/** The metrics token of this bench's platforms (production serves /metrics only with it): one per bench process. */
const METRICS_TOKEN = require('node:crypto').randomBytes(32).toString('base64url');

/** A process's Prometheus text (its /metrics, with the bench's metrics token). */
async function scrape(port) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  return res.text();
}

function productionEnv(dataDir) {
  const { randomBytes } = require('node:crypto');
  const secret = () => randomBytes(32).toString('base64url');
  return {
    NODE_ENV: 'production',
    METRICS_TOKEN,
    INTERNAL_TOKEN_SECRET: secret(),
    AUTH_KEY_FILE: require('node:path').join(dataDir, 'auth', 'signing-key.json'),
    ORDERS_WEBHOOK_SECRET_KEY: secret(),
  };
}

/**
 * The platform's bus for a bench whose gateways run in processes of their own: NATS JetStream (BENCH_NATS_URL,
 * default the local server), on a stream and subjects of this run alone. Without it a separate gateway hears no
 * change events, and the project's gateway keeps its entity cache off (as deployed alone without NATS_URL).
 * BENCH_NATS_URL=off: no bus.
 */
function benchNatsEnv() {
  const url = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
  if (url === 'off') return {};
  return { NATS_URL: url, NATS_STREAM: `BENCH_${process.pid}`, NATS_SUBJECT_PREFIX: `bench${process.pid}` };
}

/**
 * The processes a bench started and that still run: a bench stopped by Ctrl-C or SIGTERM stops them too
 * (a platform stops its own PostgreSQL), rather than leaving them running after it.
 */
const running = new Set();

/** Keeps `child` among the processes stopped when the bench is interrupted; returns it. */
function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });
}

/** Starts `npm start`'s entry point and resolves when it prints that it is up. */
function startPlatform(env, timeoutMs = 120_000, checkout = REPO, extraNodeArgs = []) {
  const started = process.hrtime.bigint();
  // BENCH_NODE_ARGS: extra flags for the platform process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), ...extraNodeArgs];
  const child = track(
    spawn(process.execPath, [...nodeArgs, 'platform/dist/start.js'], {
      cwd: checkout,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (chunk) => {
      out += chunk;
      if (out.includes('supply-graph is up')) {
        clearTimeout(timer);
        // A checkout from before access control has no token command (and needs no token).
        if (
          env.GATEWAY_PORT &&
          require('node:fs').existsSync(require('node:path').join(checkout, 'platform/dist/token-cli.js'))
        ) {
          tokens.set(Number(env.GATEWAY_PORT), mintToken(env));
        }
        resolve({ child, upMs: Number(process.hrtime.bigint() - started) / 1e6, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Staff tokens (every scope) of the platforms started here, by gateway port. */
const tokens = new Map();

/** `npm run token` for the checkout's key in the platform's DATA_DIR: every scope, for a day. */
function mintToken(env, claims = ['--sub', 'bench', '--scope', 'all']) {
  const args = ['platform/dist/token-cli.js', ...claims, '--ttl', '86400'];
  return execFileSync(process.execPath, args, { cwd: REPO, env }).toString().trim();
}

/** Requests to the gateway on `port` carry `token` (a gateway started by other means than `startPlatform`). */
const useToken = (port, token) => tokens.set(port, token);

/** The `authorization` header value for the platform answering on `port`. */
const authorizationFor = (port) => `Bearer ${tokens.get(port)}`;

async function gql(port, query, variables) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorizationFor(port) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Resident memory (KiB) of a process and of PostgreSQL processes serving a data dir. */
function rssKiB(pid, dataDir) {
  const own = Number(execSync(`ps -o rss= -p ${pid}`).toString().trim());
  const pg = execSync('ps -eo rss=,args=')
    .toString()
    .split('\n')
    .filter((l) => l.includes('postgres') && l.includes(dataDir))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .reduce((a, b) => a + b, 0);
  return { node: own, postgresMain: pg };
}

async function sqlCounts(port) {
  const text = await scrape(port);
  const counts = {};
  for (const m of text.matchAll(/^supply_graph_sql_statements_total\{service="(\w+)",origin="request"\} (\d+)/gm))
    counts[m[1]] = Number(m[2]);
  return counts;
}

/**
 * CPU seconds used so far by a process (`own`), by all its descendants
 * (`children`: embedded PostgreSQL) and by every PostgreSQL process of the
 * machine (`postgres`: embedded or server). A descendant's time includes
 * that of its own children that have exited (PostgreSQL's backends and
 * autovacuum workers come and go), so the figure never goes back.
 */
function cpuSeconds(pid) {
  const { readFileSync, readdirSync } = require('node:fs');
  const stat = (p) => {
    try {
      // Fields after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14] (clock
      // ticks, 100 per second); cutime and cstime: children that have exited and been waited for.
      const text = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = text.split(') ')[1].split(' ');
      const own = (Number(f[11]) + Number(f[12])) / 100;
      const reaped = (Number(f[13]) + Number(f[14])) / 100;
      return { ppid: Number(f[1]), cpu: own, withReaped: own + reaped, postgres: text.includes('(postgres)') };
    } catch {
      return null;
    }
  };
  const all = new Map(
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((d) => [Number(d), stat(d)])
      .filter(([, s]) => s),
  );
  const descendants = (root) =>
    [...all].filter(([, s]) => s.ppid === root).flatMap(([p, s]) => [s.withReaped, ...descendants(p)]);
  // Every PostgreSQL server's time: each postmaster with its backends, live and exited (a backend that ended, as a
  // server's backends do when a pool closes a connection, leaves its time in the postmaster's reaped children).
  const postgres = [...all]
    .filter(([, s]) => s.postgres && !all.get(s.ppid)?.postgres)
    .reduce((a, [p, s]) => a + s.withReaped + descendants(p).reduce((x, y) => x + y, 0), 0);
  return { own: all.get(pid)?.cpu ?? 0, children: descendants(pid).reduce((a, b) => a + b, 0), postgres };
}

/** SQL statements sent so far by all services of the process answering on `port`, by origin (request, events). */
async function sqlStatements(port) {
  const text = await scrape(port);
  const counts = { request: 0, events: 0 };
  for (const m of text.matchAll(/^supply_graph_sql_statements_total\{service="\w+",origin="(\w+)"\} (\d+)/gm))
    counts[m[1]] += Number(m[2]);
  return counts;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** wrk's threads (every run uses -t2). */
const WRK_THREADS = 2;

/**
 * wrk's Lua: POST the bodies to /graphql in turn (the next one each request), with the given authorization.
 * Each thread starts at its own share of the bodies: two threads walking the same sequence in step would send
 * the same body at the same moment, and a gateway that shares identical fetches in flight would look faster
 * on "varied" traffic than varied traffic allows.
 */
function writeWrkScript(file, bodies, authorization, ports = []) {
  const { writeFileSync } = require('node:fs');
  // Several gateways (a cluster): thread k sends to gateway k (wrk's `thread.addr`), one latency record for all.
  const spread = ports.length
    ? `thread.addr = wrk.lookup("127.0.0.1", tostring(({ ${ports.join(', ')} })[threads % ${ports.length} + 1]))[1]; `
    : '';
  writeFileSync(
    file,
    [
      `local bodies = { ${bodies.map((b) => `[==[${b}]==]`).join(',\n')} }`,
      'local i = 0',
      'local threads = 0',
      `function setup(thread) ${spread}thread:set("first", threads); threads = threads + 1 end`,
      `function init(args) i = math.floor((first or 0) * #bodies / ${WRK_THREADS}) end`,
      'wrk.method = "POST"',
      'wrk.headers["content-type"] = "application/json"',
      authorization ? `wrk.headers["authorization"] = "${authorization}"` : '',
      'request = function() i = i % #bodies + 1; return wrk.format(nil, "/graphql", nil, bodies[i]) end',
      'done = function(summary, latency, requests)',
      '  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.errors.status, ' +
        'summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, ' +
        'latency:percentile(50), latency:percentile(99)))',
      'end',
    ].join('\n'),
  );
  return file;
}

/** One wrk measurement (`--latency` percentiles from the script's summary): RPS, p50/p99, errors. */
function runWrk(port, script, { seconds, connections }) {
  const out = execFileSync('wrk', [
    `-t${WRK_THREADS}`,
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    '--timeout',
    '10s',
    '-s',
    script,
    `http://127.0.0.1:${port}/graphql`,
  ]).toString();
  const [, requests, non2xx, socketErrors, p50, p99] = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out).map(Number);
  return { requests, rps: requests / seconds, non2xx, socketErrors, p50Ms: p50 / 1000, p99Ms: p99 / 1000 };
}

/** Load for `seconds`, not measured. */
function warmUp(port, script, { seconds, connections }) {
  execFileSync(
    'wrk',
    [`-t${WRK_THREADS}`, `-c${connections}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${port}/graphql`],
    {
      stdio: 'ignore',
    },
  );
}

/** Up to `count` customer ids from the platform answering on `port` (the first page gives 100; the rest by cursor). */
async function manyIds(port, count = 1000) {
  const ids = [];
  let after = null;
  while (ids.length < count) {
    const page = await gql(
      port,
      'query($after: String) { customers(first: 100, after: $after) { edges { cursor node { id } } } }',
      { after },
    );
    if (!page.customers.edges.length) break;
    for (const e of page.customers.edges) ids.push(e.node.id);
    after = page.customers.edges.at(-1).cursor;
  }
  return [...new Set(ids)].slice(0, count);
}

/**
 * One request for each body of the pool, `connections` at a time, answers not read: before each varied round of a
 * gateway that caches entity answers, so that the round measures the cache's steady state for this pool (every
 * customer asked once since the last change). Without it the round measures what the cache's maximum age
 * (5 minutes) expired since the gateway's last round, which no steady traffic over 1,000 customers would see.
 */
async function passOverPool(port, bodies, authorization, connections = 20) {
  const http = require('node:http');
  // Sockets of its own: the process's shared fetch pool can hold a socket the gateway closed minutes ago.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const one = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', authorization, 'content-length': Buffer.byteLength(body) },
        },
        (res) => res.resume().on('end', resolve).on('error', reject),
      );
      req.on('error', reject).end(body);
    });
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await one(bodies[next++]);
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

module.exports = {
  REPO,
  git,
  freePort,
  platformEnv,
  productionEnv,
  scrape,
  benchNatsEnv,
  startPlatform,
  stop,
  track,
  gql,
  mintToken,
  authorizationFor,
  rssKiB,
  sqlCounts,
  sqlStatements,
  cpuSeconds,
  percentile,
  median,
  writeWrkScript,
  runWrk,
  warmUp,
  manyIds,
  passOverPool,
  useToken,
};
