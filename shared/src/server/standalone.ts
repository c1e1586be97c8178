import { ConfigError, type SubgraphConfig } from '../config/load-config';
import { createEventBus } from '../events/create-bus';
import type { EventBus } from '../events/event-bus';
import { setLogFormat } from '../logging/log-output';
import { createLogger } from '../logging/logger';
import { startTracing } from '../telemetry/tracing';
import { consumersOf, startSubgraph, type SubgraphContext, type SubgraphDefinition } from './subgraph-runtime';

/**
 * Entry point of a subgraph deployed on its own: starts it and stops it
 * cleanly on SIGINT/SIGTERM (in-flight requests finish, the pool closes).
 */
export function runStandalone<T extends SubgraphContext>(
  definition: SubgraphDefinition<T>,
  loadConfig: () => SubgraphConfig,
): void {
  let config: SubgraphConfig;
  try {
    config = loadConfig();
  } catch (err) {
    // A bad setting is the operator's to fix: say what it is, without a stack trace.
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  setLogFormat(config.logFormat);
  const logger = createLogger(definition.name, config.logLevel);
  if (!config.natsUrl && consumersOf(definition, config).length) {
    // Alone, this service only hears other services' events through NATS.
    process.stderr.write(
      `NATS_URL is required to run the ${definition.name} subgraph on its own: it consumes other services' events.\n`,
    );
    process.exit(1);
  }
  const tracing = startTracing(config.telemetry);
  let bus: EventBus | undefined;
  createEventBus(config, logger, definition.name)
    .then((created) => {
      bus = created;
      return startSubgraph(definition, { config, logger, bus: created });
    })
    .then((running) => {
      const shutdown = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        running
          .stop()
          .then(() => bus?.close())
          .then(() => tracing?.stop())
          .then(
            () => process.exit(0),
            (err: unknown) => {
              logger.error({ err }, 'shutdown failed');
              process.exit(1);
            },
          );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((err: unknown) => {
      logger.fatal({ err }, `${definition.name} failed to start`);
      process.exit(1);
    });
}
