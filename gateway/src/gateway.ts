import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createLogger, makeFormatError, startGraphQLHttpServer, type Logger } from '@supply-graph/shared';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './datasources/subgraph-data-source';
import { observeGateway } from './plugins/observe.plugin';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts @apollo/gateway from the committed supergraph file (no runtime
 * introspection of the subgraphs) and serves it on `/graphql`.
 */
export async function startGateway(config: GatewayConfig, logger: Logger = createLogger('gateway', config.logLevel)) {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, config.subgraphUrls[name] ?? url!, config.subgraphTimeoutMs),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: makeFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The process owner stops servers in order (gateway, subgraphs, pools, PostgreSQL).
    stopOnTerminationSignals: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageLocalDefault({ embed: true }), observeGateway(logger)],
  });
  await apollo.start();
  const http = await startGraphQLHttpServer<GatewayContext>({
    service: 'gateway',
    apollo,
    port: config.port,
    host: config.host,
    logger,
    context: ({ requestId }) => ({ requestId, log: logger.child({ requestId }) }),
  });
  logger.info({ url: http.url }, 'gateway ready');
  return { url: http.url, port: http.port, stop: () => http.stop() } satisfies RunningGateway;
}
