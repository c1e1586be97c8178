'use strict';
// Two checkouts of this project side by side on the 360 query, varied traffic: did a change make the platform
// cheaper? The machine's speed drifts 10-30 % minute to minute, so two runs of bench/gateways.js minutes apart
// cannot tell a 10 % change; here both platforms run at once (idle but for the one under load) and short
// measurements alternate between them, so drift falls on both alike.
//
//   node bench/compare.js <baseline checkout> [candidate checkout, default this one]
//   BENCH_WARMUP=20 BENCH_SECONDS=10 BENCH_CYCLES=6 BENCH_CONNECTIONS=20 (the defaults)
//
// Each checkout must be built (`npx tsc -b`). Each platform is `npm start`'s entry point (gateway and subgraphs in
// one process, embedded PostgreSQL) with NODE_ENV=production and the same demo data; the figure is the CPU per
// request of that process plus its PostgreSQL. Prints a table; writes no results (it is a tool for the change at
// hand, not a figure to keep: bench/gateways.js is).
const { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const lib = require('./lib');

const SETTINGS = {
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 20),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  cycles: Number(process.env.BENCH_CYCLES ?? 6),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
};
const QUERY = readFileSync(path.join(lib.REPO, 'e2e/operations/customer-360.graphql'), 'utf8');

async function startSide(name, checkout, work) {
  const dataDir = path.join(work, name);
  mkdirSync(dataDir, { mode: 0o755 });
  const { env, ports } = await lib.platformEnv(dataDir);
  Object.assign(env, { SEED_CUSTOMERS: '1000', SEED_ORDERS: '8000' }, lib.productionEnv(dataDir));
  const platform = await lib.startPlatform(env, 300_000, path.resolve(checkout));
  const port = ports.GATEWAY;
  const ids = await lib.manyIds(port);
  const bodies = ids.map((id) => JSON.stringify({ query: QUERY, variables: { id, orders: 10 } }));
  const script = lib.writeWrkScript(path.join(work, `${name}.lua`), bodies, lib.authorizationFor(port));
  return { name, checkout, platform, port, script, rounds: [] };
}

function measure(side) {
  const cpu = () => {
    const c = lib.cpuSeconds(side.platform.child.pid);
    return { node: c.own, postgres: c.children };
  };
  const before = cpu();
  const result = lib.runWrk(side.port, side.script, SETTINGS);
  const after = cpu();
  const per = (key) => ((after[key] - before[key]) * 1000) / Math.max(1, result.requests);
  const round = { rps: result.rps, p99Ms: result.p99Ms, nodeMs: per('node'), postgresMs: per('postgres') };
  round.totalMs = round.nodeMs + round.postgresMs;
  side.rounds.push(round);
  console.log(
    `${side.name}: ${round.rps.toFixed(1)} RPS, p99 ${round.p99Ms.toFixed(0)} ms, CPU ms/req node ` +
      `${round.nodeMs.toFixed(2)}, PostgreSQL ${round.postgresMs.toFixed(2)}, total ${round.totalMs.toFixed(2)}`,
  );
}

async function main() {
  const [baseline, candidate = lib.REPO] = process.argv.slice(2);
  if (!baseline) throw new Error('usage: node bench/compare.js <baseline checkout> [candidate checkout]');
  const work = mkdtempSync(path.join(tmpdir(), 'bench-compare-'));
  // Embedded PostgreSQL runs as the postgres user, which must reach its data directories in here.
  chmodSync(work, 0o755);
  const sides = [];
  try {
    sides.push(await startSide('baseline', baseline, work));
    sides.push(await startSide('candidate', candidate, work));
    for (const side of sides) lib.warmUp(side.port, side.script, { ...SETTINGS, seconds: SETTINGS.warmupSeconds });
    for (let cycle = 0; cycle < SETTINGS.cycles; cycle++)
      for (const side of cycle % 2 ? [...sides].reverse() : sides) measure(side);
    console.log(
      '\n| checkout | RPS | p99 ms | node CPU ms/req | PostgreSQL ms/req | total ms/req |\n|---|---|---|---|---|---|',
    );
    for (const s of sides) {
      const m = (key) => lib.median(s.rounds.map((r) => r[key]));
      const cells = [m('rps'), m('p99Ms'), m('nodeMs'), m('postgresMs'), m('totalMs')].map((v) => v.toFixed(2));
      console.log(`| ${s.name} (${s.checkout}) | ${cells.join(' | ')} |`);
    }
  } finally {
    for (const s of sides) await lib.stop(s.platform.child);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
