import 'reflect-metadata';
import { ConfigError, createLogger, setLogFormat, startTracing } from '@supply-graph/shared';
import { loadGatewayConfig, startGateway } from './index';

// Runs the gateway alone (distributed deployment); subgraph URLs come from the supergraph or *_URL.
const config = (() => {
  try {
    return loadGatewayConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
})();
setLogFormat(config.logFormat);
const logger = createLogger('gateway', config.logLevel);
const tracing = startTracing(config.telemetry);
startGateway(config, logger)
  .then((gateway) => {
    const shutdown = () =>
      void gateway
        .stop()
        .then(() => tracing?.stop())
        .then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
