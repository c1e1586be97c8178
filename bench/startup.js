'use strict';
/**
 * Start-up benchmark of `npm start` (embedded PostgreSQL, default demo size):
 * cold start on an empty data directory (initdb + migrations + seeding 5,000
 * customers / 20,000 orders), start on the seeded directory, resident memory,
 * `npm run seed` time for 20,000 orders, SQL statements and latency of the
 * 360 query. Writes bench/results/startup.json and startup.md.
 *   npm run build && node bench/startup.js
 */
const { mkdtempSync, rmSync, chmodSync, writeFileSync, readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { REPO, platformEnv, startPlatform, stop, gql, rssKiB, sqlCounts, percentile } = require('./lib');

const QUERY_360 = readFileSync(path.join(REPO, 'e2e/operations/customer-360.graphql'), 'utf8');
const FIRST_CUSTOMER = '{ customers(first: 1, search: "a") { edges { node { id } } } }';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supply-graph-bench-'));
  chmodSync(dataDir, 0o755);
  const { env, ports } = await platformEnv(dataDir);
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  };
  try {
    const cold = await startPlatform(env);
    const firstAnswer = Date.now();
    const { customers } = await gql(ports.GATEWAY, FIRST_CUSTOMER);
    const id = customers.edges[0].node.id;
    await gql(ports.GATEWAY, QUERY_360, { id });
    results.coldStartEmptyMs = Math.round(cold.upMs);
    results.coldStartEmptyTo360Ms = Math.round(cold.upMs + (Date.now() - firstAnswer));
    results.seedLog = (cold.output().match(/"ms":(\d+)/) || [])[1]
      ? Number(cold.output().match(/"ms":(\d+)/)[1])
      : null;

    // 360 latency and SQL per query, warmed up.
    for (let i = 0; i < 20; i += 1) await gql(ports.GATEWAY, QUERY_360, { id });
    const before = await sqlCounts(ports.GATEWAY);
    await gql(ports.GATEWAY, QUERY_360, { id });
    const after = await sqlCounts(ports.GATEWAY);
    results.sqlPer360 = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
    results.sqlPer360.total = Object.values(results.sqlPer360).reduce((a, b) => a + b, 0);
    const ids = (await gql(ports.GATEWAY, '{ customers(first: 100) { edges { node { id } } } }')).customers.edges.map(
      (e) => e.node.id,
    );
    const latencies = [];
    for (let i = 0; i < 300; i += 1) {
      const t = process.hrtime.bigint();
      await gql(ports.GATEWAY, QUERY_360, { id: ids[i % ids.length] });
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    results.latency360Ms = {
      p50: +percentile(latencies, 50).toFixed(1),
      p99: +percentile(latencies, 99).toFixed(1),
      n: latencies.length,
    };
    results.rssAfterLoadKiB = rssKiB(cold.child.pid, dataDir);
    await stop(cold.child);

    const warm = await startPlatform(env);
    await gql(ports.GATEWAY, QUERY_360, { id });
    results.startSeededMs = Math.round(warm.upMs);
    results.rssIdleKiB = rssKiB(warm.child.pid, dataDir);
    await stop(warm.child);

    const t = Date.now();
    const seedOut = execFileSync(
      process.execPath,
      ['platform/dist/seed-cli.js', '--customers', '5000', '--orders', '20000'],
      { cwd: REPO, env },
    ).toString();
    results.seedCli20kOrdersMs = Date.now() - t;
    results.seedCliOutput = seedOut.trim().split('\n').pop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeFileSync(path.join(__dirname, 'results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    '# Start-up benchmark (`node bench/startup.js`)',
    '',
    `${results.date} on ${results.machine}; embedded PostgreSQL; default demo size (5,000 customers, 20,000 orders).`,
    '',
    '| measure | value |',
    '|---|---|',
    `| cold start, empty data dir (initdb, migrations, seed) to "up" | ${results.coldStartEmptyMs} ms |`,
    `| ... to the first 360 answer | ${results.coldStartEmptyTo360Ms} ms |`,
    `| start on the seeded data dir | ${results.startSeededMs} ms |`,
    `| \`npm run seed\` 5,000 customers / 20,000 orders (whole command) | ${results.seedCli20kOrdersMs} ms |`,
    `| resident memory, node process, idle after start | ${Math.round(results.rssIdleKiB.node / 1024)} MiB |`,
    `| resident memory, node process, after 320 360-queries | ${Math.round(results.rssAfterLoadKiB.node / 1024)} MiB |`,
    `| resident memory, PostgreSQL postmaster | ${Math.round(results.rssIdleKiB.postgresMain / 1024)} MiB |`,
    `| SQL statements per 360 query | ${results.sqlPer360.total} (${Object.entries(results.sqlPer360)
      .filter(([k]) => k !== 'total')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}) |`,
    `| 360 query latency, sequential, p50 / p99 | ${results.latency360Ms.p50} / ${results.latency360Ms.p99} ms |`,
    '',
  ].join('\n');
  writeFileSync(path.join(__dirname, 'results/startup.md'), md);
  process.stdout.write(md);
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
