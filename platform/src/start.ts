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
  // Configuration and "already running" problems are the user's to fix: the message is enough.
  const detail =
    err instanceof ConfigError || (err instanceof Error && /in use by another process/.test(err.message))
      ? err.message
      : err instanceof Error
        ? err.stack
        : String(err);
  process.stderr.write(`supply-graph failed to start: ${detail}\n`);
  process.exit(1);
});
