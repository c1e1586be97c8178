import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createLogger, setLogFormat } from '@supply-graph/shared';
import { loadPlatformConfig } from './config';
import { openDatabases } from './database';
import { seedAll } from './seed';

const USAGE = 'usage: npm run seed -- [--customers N] [--orders N] [--seed N]';

/** `npm run seed`: replaces the demo data set, at any size, on the embedded database or DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = (value: string | undefined, fallback: number, name: string, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number >= ${min}, got "${value}"\n${USAGE}`);
    return n;
  };
  const size = {
    customers: count(values.customers, config.platform.seedSize.customers, 'customers', 1),
    orders: count(values.orders, config.platform.seedSize.orders, 'orders', 0),
    seed: values.seed === undefined ? undefined : count(values.seed, 0, 'seed', 0),
  };
  setLogFormat(config.platform.logFormat);
  const logger = createLogger('seed', 'warn');
  const db = await openDatabases(config, logger);
  try {
    const report = await seedAll(db.dataSources, size, (message) => process.stdout.write(`seed: ${message}\n`));
    const counts = Object.entries(report.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    process.stdout.write(`seed: done in ${(report.ms / 1000).toFixed(1)} s (${counts})\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
