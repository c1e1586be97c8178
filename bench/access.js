'use strict';
// The cost of access control on the 360 query (issue 9): the same load against the platform as it was
// before access control (a checkout of BENCH_BASE, default the last commit before it) and as it is now,
// side by side in one run, alternating short measurements so that drift of the machine hits both alike.
//
//   npm run build && node bench/access.js
//   (defaults: BENCH_CYCLES=12, BENCH_SECONDS=10, BENCH_WARMUP=30, BENCH_CONNECTIONS=20)
//
// Load: wrk, each request the 360 query of e2e/operations/customer-360.graphql for the next of 1,000
// customers. "now" runs twice: a staff token (pii:read: real values, each read audited) and a frontend
// token without pii:read (masked values). Writes bench/results/access.{json,md}.
//
// This machine's speed drifts by 10 % and more from one minute to the next (as much as the target), and a
// freshly started platform keeps getting faster for a minute or two (JIT, PostgreSQL's caches). So both
// platforms run side by side for the whole run, each on its own embedded PostgreSQL with the same demo data
// set (the generator is seeded); each is warmed up (BENCH_WARMUP seconds per variant, default 30), then
// short measurements (BENCH_SECONDS, default 10) alternate between the variants in cycles whose order
// rotates (BENCH_CYCLES, default 12), only one variant under load at a time. A variant's change is the
// median over cycles of its RPS against the "before" of the same cycle, measured seconds apart.
const { execFileSync } = require('node:child_process');
const { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const {
  REPO,
  platformEnv,
  startPlatform,
  stop,
  mintToken,
  cpuSeconds,
  manyIds,
  median,
  writeWrkScript,
  runWrk: runWrkOnce,
  warmUp: warmUpWrk,
} = require('./lib');

const BASE = process.env.BENCH_BASE ?? 'd8e8820';
const CYCLES = Number(process.env.BENCH_CYCLES ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SEED = { SEED_CUSTOMERS: '1000', SEED_ORDERS: '8000' };
const QUERY = readFileSync(path.join(REPO, 'e2e/operations/customer-360.graphql'), 'utf8');
const FRONTEND_SCOPES = 'customers:read orders:read inventory:read logistics:read';

/** A built checkout of the base commit beside this one (its own dist), sharing this checkout's node_modules. */
function baseCheckout(work) {
  const dir = path.join(work, 'base');
  execFileSync('git', ['worktree', 'add', '--detach', dir, BASE], { cwd: REPO, stdio: 'ignore' });
  // cp -a keeps modes (embedded PostgreSQL's binaries must stay executable) and the workspaces' relative links.
  execFileSync('cp', ['-a', path.join(REPO, 'node_modules'), path.join(dir, 'node_modules')]);
  execFileSync(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-b'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}

/** wrk's Lua for one variant: the 360 query for the next customer id each request. */
function wrkScript(work, name, ids, authorization) {
  const bodies = ids.map((id) => JSON.stringify({ query: QUERY, variables: { id, orders: 10 } }));
  return writeWrkScript(path.join(work, `${name}.lua`), bodies, authorization);
}

const LOAD = { seconds: SECONDS, connections: CONNECTIONS };
const runWrk = (port, script) => runWrkOnce(port, script, LOAD);
const warmUp = (port, script, seconds) => warmUpWrk(port, script, { ...LOAD, seconds });

async function measure(label, run, port, script) {
  const before = cpuSeconds(run.child.pid);
  const result = runWrk(port, script);
  const after = cpuSeconds(run.child.pid);
  const requests = result.rps * SECONDS;
  const cpuMsPerRequest = ((after.own - before.own + after.children - before.children) * 1000) / requests;
  console.log(
    `${label}: ${result.rps.toFixed(1)} RPS, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
      `${cpuMsPerRequest.toFixed(1)} ms CPU/request, non-2xx ${result.non2xx}`,
  );
  return { label, ...result, cpuMsPerRequest };
}

/** Starts a checkout's platform on its data directory (seeded on the first start, kept after). */
async function start(checkout, dataDir) {
  const { env, ports } = await platformEnv(dataDir);
  Object.assign(env, SEED);
  const run = await startPlatform(env, 300_000, checkout);
  const ids = await manyIds(ports.GATEWAY);
  return { run, ports, env, ids };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-access-'));
  // Embedded PostgreSQL runs as the postgres user, which must reach its data directories in here.
  chmodSync(work, 0o755);
  const base = baseCheckout(work);
  const dataDir = (name) => {
    const dir = mkdtempSync(path.join(work, `${name}-data-`));
    chmodSync(dir, 0o755);
    return dir;
  };
  const platforms = [];
  const rounds = [];
  try {
    const before = await start(base, dataDir('base'));
    platforms.push(before);
    const now = await start(REPO, dataDir('now'));
    platforms.push(now);
    const token = (claims) => `Bearer ${mintToken({ ...now.env }, claims)}`;
    const variants = [
      // Before access control: no token at all (it would be ignored).
      { name: 'base', label: 'before access control', platform: before, authorization: null },
      {
        name: 'frontend',
        label: 'with access control, frontend token (PII masked)',
        platform: now,
        authorization: token(['--sub', 'frontend', '--scope', FRONTEND_SCOPES]),
      },
      {
        name: 'staff',
        label: 'with access control, staff token (pii:read, reads audited)',
        platform: now,
        authorization: token(['--sub', 'bench', '--scope', 'all']),
      },
    ];
    for (const v of variants) {
      v.script = wrkScript(work, v.name, v.platform.ids, v.authorization);
      warmUp(v.platform.ports.GATEWAY, v.script, WARMUP);
    }
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      // Rotate the order, so that a drift within the cycle favours no variant.
      const shift = (cycle - 1) % variants.length;
      for (const v of [...variants.slice(shift), ...variants.slice(0, shift)]) {
        rounds.push(await measure(`cycle ${cycle} ${v.label}`, v.platform.run, v.platform.ports.GATEWAY, v.script));
      }
    }
  } finally {
    for (const p of platforms) await stop(p.run.child);
    execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: REPO, stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  }
  report(rounds);
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

function report(rounds) {
  const picked = (match) => rounds.filter((r) => r.label.includes(match));
  const summary = (match) => {
    const runs = picked(match);
    const of = (key) => median(runs.map((r) => r[key]));
    return { rps: of('rps'), p50Ms: of('p50Ms'), p99Ms: of('p99Ms'), cpuMsPerRequest: of('cpuMsPerRequest') };
  };
  // Each cycle's own change of RPS against the same cycle's platform before access control.
  const changes = (match) => {
    const before = picked('before');
    return picked(match).map((r, i) => r.rps / before[i].rps - 1);
  };
  // Each cycle measures each variant once, so the i-th of each list is from cycle i.
  const base = summary('before');
  const variants = { staff: summary('staff'), frontend: summary('frontend') };
  const change = { staff: changes('staff'), frontend: changes('frontend') };
  const results = {
    base: BASE,
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    cycles: CYCLES,
    connections: CONNECTIONS,
    rounds,
    summary: {
      base,
      ...variants,
      medianChange: { staff: median(change.staff), frontend: median(change.frontend) },
      changes: change,
    },
  };
  writeFileSync(path.join(REPO, 'bench/results/access.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name, x, c) =>
    `| ${name} | ${x.rps.toFixed(1)} | ` +
    `${c ? `${pct(median(c))} (${pct(Math.min(...c))} to ${pct(Math.max(...c))})` : ''} | ` +
    `${x.p50Ms.toFixed(1)} | ${x.p99Ms.toFixed(1)} | ${x.cpuMsPerRequest.toFixed(1)} |`;
  const md = [
    '# Access control: cost on the 360 query',
    '',
    `\`node bench/access.js\`, ${new Date().toISOString().slice(0, 10)}: ` +
      'both platforms side by side, each in one process (`npm start`,',
    `its own embedded PostgreSQL, 1,000 customers, 8,000 orders), the platform before access control (${BASE}) and now`,
    `(two tokens). Each variant warmed up for ${WARMUP} s, then ${CYCLES} cycles of one ${SECONDS} s measurement ` +
      'per variant, in an',
    'order that rotates from cycle to cycle, one variant under load at a time: wrk with',
    `${CONNECTIONS} connections, each request the 360 query for the next of 1,000 customers. ` +
      'Figures are medians over the',
    'cycles; the change is the median of each cycle\'s own change against that cycle\'s "before" (with its lowest and',
    'highest). CPU: the platform process and its PostgreSQL, per request.',
    '',
    '| platform | RPS | RPS vs before: median (range) | p50 ms | p99 ms | CPU ms/request |',
    '|---|---|---|---|---|---|',
    row('before access control (no token)', base, null),
    row('with access control, frontend token (no pii:read: masked)', variants.frontend, change.frontend),
    row('with access control, staff token (pii:read: values, reads audited)', variants.staff, change.staff),
    '',
    'Every measurement, in the order they ran:',
    '',
    ...rounds.map(
      (r) =>
        `- ${r.label}: ${r.rps.toFixed(1)} RPS, p99 ${r.p99Ms.toFixed(1)} ms, ` +
        `${r.cpuMsPerRequest.toFixed(1)} ms CPU/request, non-2xx ${r.non2xx}`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(REPO, 'bench/results/access.md'), md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
