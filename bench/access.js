'use strict';
// The cost of access control on the 360 query (issue 9): the same load against the platform as it was
// before access control (a checkout of BENCH_BASE, default the last commit before it) and as it is now,
// side by side in one run, alternating rounds so that drift of the machine hits both alike.
//
//   npm run build && node bench/access.js            (BENCH_ROUNDS=2, BENCH_SECONDS=15, BENCH_CONNECTIONS=20)
//
// Load: wrk, each request the 360 query of e2e/operations/customer-360.graphql for the next of 1,000
// customers. "now" runs twice: a staff token (pii:read: real values, each read audited) and a frontend
// token without pii:read (masked values). Writes bench/results/access.{json,md}.
const { execFileSync } = require('node:child_process');
const { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { REPO, platformEnv, startPlatform, stop, gql, mintToken, cpuSeconds } = require('./lib');

const BASE = process.env.BENCH_BASE ?? 'd8e8820';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
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
  execFileSync(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** wrk's Lua: POST the 360 query, the next customer id each request, with the given authorization (or none). */
function wrkScript(work, name, ids, authorization) {
  const file = path.join(work, `${name}.lua`);
  const bodies = ids.map((id) => JSON.stringify({ query: QUERY, variables: { id, orders: 10 } }));
  writeFileSync(
    file,
    [
      `local bodies = { ${bodies.map((b) => `[==[${b}]==]`).join(',\n')} }`,
      'local i = 0',
      'wrk.method = "POST"',
      'wrk.headers["content-type"] = "application/json"',
      authorization ? `wrk.headers["authorization"] = "${authorization}"` : '',
      'request = function() i = i % #bodies + 1; return wrk.format(nil, "/graphql", nil, bodies[i]) end',
      'done = function(summary, latency, requests)',
      '  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, latency:percentile(50), latency:percentile(99)))',
      'end',
    ].join('\n'),
  );
  return file;
}

function runWrk(port, script) {
  const out = execFileSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script, `http://127.0.0.1:${port}/graphql`]).toString();
  const [, requests, non2xx, socketErrors, p50, p99] = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out).map(Number);
  return { rps: requests / SECONDS, non2xx, socketErrors, p50Ms: p50 / 1000, p99Ms: p99 / 1000 };
}

async function measure(label, run, port, script) {
  // Warm-up (JIT, caches, pools), not counted.
  execFileSync('wrk', ['-t2', `-c${CONNECTIONS}`, '-d5s', '-s', script, `http://127.0.0.1:${port}/graphql`], { stdio: 'ignore' });
  const before = cpuSeconds(run.child.pid);
  const result = runWrk(port, script);
  const after = cpuSeconds(run.child.pid);
  const requests = result.rps * SECONDS;
  const cpuMsPerRequest = ((after.own - before.own + after.children - before.children) * 1000) / requests;
  console.log(`${label}: ${result.rps.toFixed(1)} RPS, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${cpuMsPerRequest.toFixed(1)} ms CPU/request, non-2xx ${result.non2xx}`);
  return { label, ...result, cpuMsPerRequest };
}

async function start(checkout, work, name) {
  const dataDir = mkdtempSync(path.join(work, `${name}-data-`));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await platformEnv(dataDir);
  Object.assign(env, SEED);
  const run = await startPlatform(env, 300_000, checkout);
  const ids = (await gql(ports.GATEWAY, '{ customers(first: 100) { edges { node { id } } } }')).customers.edges.map((e) => e.node.id);
  return { run, ports, env, ids, dataDir };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-access-'));
  // Embedded PostgreSQL runs as the postgres user, which must reach its data directories in here.
  chmodSync(work, 0o755);
  const base = baseCheckout(work);
  const rounds = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Before access control: no token at all (it would be ignored).
      const a = await start(base, work, 'base');
      const ids = await manyIds(a.ports.GATEWAY, a.ids);
      rounds.push(await measure(`round ${round} before access control`, a.run, a.ports.GATEWAY, wrkScript(work, 'base', ids)));
      await stop(a.run.child);
      const b = await start(REPO, work, 'now');
      const idsNow = await manyIds(b.ports.GATEWAY, b.ids);
      // The frontend first: the staff phase leaves audit entries for the relay and the audit consumer to
      // finish, which would be counted against whatever runs next on this platform.
      const frontend = `Bearer ${mintToken({ ...b.env }, ['--sub', 'frontend', '--scope', FRONTEND_SCOPES])}`;
      rounds.push(await measure(`round ${round} with access control, frontend token (PII masked)`, b.run, b.ports.GATEWAY, wrkScript(work, 'frontend', idsNow, frontend)));
      const staff = `Bearer ${mintToken(b.env)}`;
      rounds.push(await measure(`round ${round} with access control, staff token (pii:read, reads audited)`, b.run, b.ports.GATEWAY, wrkScript(work, 'staff', idsNow, staff)));
      await stop(b.run.child);
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: REPO, stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  }
  report(rounds);
}

/** 1,000 customer ids (the first page gives 100; the rest by cursor). */
async function manyIds(port, first) {
  const ids = [...first];
  let after = null;
  while (ids.length < 1000) {
    const page = await gql(port, 'query($after: String) { customers(first: 100, after: $after) { edges { cursor node { id } } } }', { after });
    if (!page.customers.edges.length) break;
    for (const e of page.customers.edges) ids.push(e.node.id);
    after = page.customers.edges.at(-1).cursor;
  }
  return [...new Set(ids)].slice(0, 1000);
}

function report(rounds) {
  const avg = (match) => {
    const picked = rounds.filter((r) => r.label.includes(match));
    const mean = (key) => picked.reduce((s, r) => s + r[key], 0) / picked.length;
    return { rps: mean('rps'), p50Ms: mean('p50Ms'), p99Ms: mean('p99Ms'), cpuMsPerRequest: mean('cpuMsPerRequest') };
  };
  const base = avg('before');
  const staff = avg('staff');
  const frontend = avg('frontend');
  const change = (x) => `${(((x.rps - base.rps) / base.rps) * 100).toFixed(1)} %`;
  const results = { base: BASE, seconds: SECONDS, connections: CONNECTIONS, rounds, summary: { base, staff, frontend } };
  writeFileSync(path.join(REPO, 'bench/results/access.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name, x, delta) => `| ${name} | ${x.rps.toFixed(1)} | ${delta} | ${x.p50Ms.toFixed(1)} | ${x.p99Ms.toFixed(1)} | ${x.cpuMsPerRequest.toFixed(1)} |`;
  const md = [
    '# Access control: cost on the 360 query',
    '',
    `\`node bench/access.js\`, ${new Date().toISOString().slice(0, 10)}: the whole platform in one process (\`npm start\`, embedded PostgreSQL,`,
    `1,000 customers, 8,000 orders), wrk with ${CONNECTIONS} connections for ${SECONDS} s per round, each request the 360 query for the next`,
    `of 1,000 customers; ${ROUNDS} rounds alternating the platform before access control (${BASE}) and now. CPU: the platform`,
    'process and its PostgreSQL, per request.',
    '',
    '| platform | RPS | vs before | p50 ms | p99 ms | CPU ms/request |',
    '|---|---|---|---|---|---|',
    row('before access control (no token)', base, ''),
    row('with access control, staff token (pii:read: values, reads audited)', staff, change(staff)),
    row('with access control, frontend token (no pii:read: masked)', frontend, change(frontend)),
    '',
    'Every round:',
    '',
    ...rounds.map((r) => `- ${r.label}: ${r.rps.toFixed(1)} RPS, p99 ${r.p99Ms.toFixed(1)} ms, ${r.cpuMsPerRequest.toFixed(1)} ms CPU/request, non-2xx ${r.non2xx}`),
    '',
  ].join('\n');
  writeFileSync(path.join(REPO, 'bench/results/access.md'), md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
