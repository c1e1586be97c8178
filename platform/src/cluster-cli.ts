import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadClusterSettings, REPO_ROOT } from './config';
import { defaultPort, startProcessCluster, type ProcessCluster } from './cluster';
import { keptSecret } from './kept-secret';

const USAGE = `usage: npm run start:cluster -- [--gateways N] [--replicas N] [--seed]

The docker-compose topology as processes on this machine, on servers you run:
  DATABASE_URL  default postgres://postgres@127.0.0.1:5432/supply_graph_cluster (created and seeded if missing)
  NATS_URL      default nats://127.0.0.1:4222 (JetStream)
  REDIS_URL     default redis://127.0.0.1:6379 (the gateways' shared rate limits)
--seed replaces the demo data even when the database exists.`;

/** `npm run start:cluster`: 2 gateways and 2 replicas of each subgraph, stopped together on Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gateways: { type: 'string', default: '2' },
      replicas: { type: 'string', default: '2' },
      seed: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = (v: string, name: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 9) throw new Error(`--${name} must be 1..9, got "${v}"\n${USAGE}`);
    return n;
  };
  const layout = { gateways: count(values.gateways, 'gateways'), replicas: count(values.replicas, 'replicas') };
  const settings = loadClusterSettings();
  const dataDir = settings.DATA_DIR;
  const env: Record<string, string | undefined> = {
    ...settings.inherited,
    DATABASE_URL: settings.DATABASE_URL,
    NATS_URL: settings.NATS_URL,
    NATS_STREAM: settings.NATS_STREAM,
    REDIS_URL: settings.REDIS_URL,
    LOG_LEVEL: settings.LOG_LEVEL,
    DATA_DIR: dataDir,
    // Every member must hold the same secrets: kept beside the data, as `npm start` keeps its own.
    INTERNAL_TOKEN_SECRET: settings.INTERNAL_TOKEN_SECRET ?? keptSecret(dataDir, 'cluster-internal-secret'),
    ORDERS_WEBHOOK_SECRET_KEY: settings.ORDERS_WEBHOOK_SECRET_KEY ?? keptSecret(dataDir, 'webhook-secret-key'),
  };
  const created = await ensureDatabase(env.DATABASE_URL!);
  if (created || values.seed) {
    process.stdout.write(`seeding the demo data into ${redacted(env.DATABASE_URL!)}\n`);
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'platform/dist/seed-cli.js')], { env, stdio: 'inherit' });
  }
  let cluster: ProcessCluster | null = null;
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void (cluster?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  cluster = await startProcessCluster({
    env,
    layout: { ...layout, portOf: defaultPort },
    output: () => 'inherit',
  });
  const lines = [
    '',
    `supply-graph cluster: ${layout.gateways} gateway(s), ${layout.replicas} replica(s) of each subgraph`,
    ...cluster.members.map((m) => `  ${m.id.padEnd(12)} ${m.url}`),
    `  database     ${redacted(env.DATABASE_URL!)}`,
    `  bus          ${env.NATS_URL} (stream ${env.NATS_STREAM})`,
    '',
    'A token: npm run --silent token -- --sub your-name --scope all',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Creates the database when the server lacks it; true when it did. */
async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** The URL without its password, for the console. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
