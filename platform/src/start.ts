import 'reflect-metadata';
import { ConfigError, createLogger, setLogFormat, writeConsole } from '@supply-graph/shared';
import { loadPlatformConfig } from './config';
import { StartAborted, startPlatform, type RunningPlatform } from './platform';

/** `npm start`: the whole platform in one process, stopped cleanly on Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadPlatformConfig();
  setLogFormat(config.platform.logFormat);
  const logger = createLogger('platform', config.platform.logLevel);
  const starting = new AbortController();
  let platform: RunningPlatform | null = null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!platform) {
      // Seeding runs in transactions: stopping after the current step loses nothing half-written.
      logger.info({ signal }, 'stopping after the current start-up step');
      starting.abort();
      return;
    }
    logger.info({ signal }, 'shutting down');
    platform.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  try {
    platform = await startPlatform(config, logger, { signal: starting.signal });
  } catch (err) {
    if (!(err instanceof StartAborted)) throw err;
    logger.info('stopped');
    process.exit(0);
  }
  const lines = [
    '',
    `supply-graph is up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    `  gateway     ${platform.gatewayUrl}`,
    ...Object.values(platform.subgraphs).flatMap((s) => (s ? [`  ${s.name.padEnd(11)} ${s.url}`] : [])),
    `  database    ${platform.embedded ? `embedded PostgreSQL, data in ${config.platform.dataDir}` : 'DATABASE_URL'}`,
    '',
    'Every request needs a token (Authorization: Bearer ...):',
    `  GraphiQL    open ${platform.gatewayUrl} in a browser on this machine: it gets a staff token by itself`,
    '  a token     npm run --silent token -- --sub your-name --scope all   (or a list of scopes, --channels tmall,jd)',
    '',
  ];
  // Through the log output: after every line logged before it, never in the middle of one.
  writeConsole(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  const problem = usersProblem(err);
  const detail = problem ?? (err instanceof Error ? err.stack : String(err));
  process.stderr.write(`supply-graph failed to start: ${detail}\n`);
  if (problem) process.stderr.write('See Troubleshooting in README.md.\n');
  process.exit(1);
});

/**
 * What the user can fix, said without a stack trace: a bad setting, a port
 * taken, a data directory in use. Null for anything else (a bug: the stack helps).
 */
function usersProblem(err: unknown): string | null {
  if (err instanceof ConfigError) return err.message;
  const { code, port } = (err ?? {}) as { code?: string; port?: number };
  if (code === 'EADDRINUSE')
    return (
      `port ${port} is in use by another program (an earlier npm start?); stop it, or choose other ports ` +
      '(GATEWAY_PORT, ORDERS_PORT, CUSTOMERS_PORT, INVENTORY_PORT, LOGISTICS_PORT)'
    );
  if (
    err instanceof Error &&
    /in use by another process|embedded PostgreSQL (failed to start|could not initialise)/.test(err.message)
  )
    return err.message;
  return null;
}
