import { readFileSync } from 'node:fs';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  createEventBus,
  createLogger,
  lazyChild,
  makeFormatError,
  SCOPES,
  startGraphQLHttpServer,
  type EventBus,
  type Logger,
} from '@supply-graph/shared';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './datasources/subgraph-data-source';
import { EntityCache } from './execution/entity-cache';
import { OwnExecutorGateway } from './execution/own-executor-gateway';
import { subgraphReadiness } from './subgraph-readiness';
import { loadTrustedDocuments } from './trusted-documents';
import { ApiClientDirectory } from './auth/api-client-directory';
import { authRoutes } from './auth/auth-routes';
import { TOKEN_ATTEMPTS_PER_MINUTE, tokenEndpoint } from './auth/token-endpoint';
import { Identity, type Caller } from './auth/identity';
import type { TokenIssuer } from './auth/token-issuer';
import { acceptEnforcedSecurityFeatures } from './auth/supergraph-security';
import { csvExportRoutes } from './exports/csv-export-routes';
import { graphiqlRoutes } from './graphiql/graphiql-routes';
import { createRateLimiter, rateLimitSubscribe } from './rate-limit';
import { gatewayPlugins } from './plugins/gateway-plugins';
import { payloadRoute } from './subscriptions/payload-endpoint';
import { orderStatusReplay, workItemReplay } from './subscriptions/replay-source';
import { SubscriptionHub } from './subscriptions/subscription-hub';
import { WorkItemHub } from './subscriptions/work-item-hub';
import { SubscriptionPlanner } from './subscriptions/subscription-planner';
import { startLiveTransports } from './subscriptions/transports';

export interface RunningGateway {
  url: string;
  port: number;
  /** Who the gateway trusts and how it signs (`npm run token`, tests). */
  identity: Identity;
  stop(): Promise<void>;
}

export interface StartGatewayOptions {
  /** The bus subscriptions are fed from; default: NATS per the config (none: subscriptions get no events). */
  bus?: EventBus;
}

/** An operator at this machine's browser: every scope, for an hour. */
const GRAPHIQL_TOKEN_TTL_S = 3600;
async function graphiqlToken(issuer: TokenIssuer): Promise<{ token: string; expiresIn: number }> {
  return {
    token: await issuer.mint({ sub: 'graphiql-local', scopes: SCOPES, ttlSeconds: GRAPHIQL_TOKEN_TTL_S }),
    expiresIn: GRAPHIQL_TOKEN_TTL_S,
  };
}

/**
 * Starts @apollo/gateway from the committed supergraph file (no runtime
 * introspection of the subgraphs) and serves it on `/graphql`: queries and
 * mutations over HTTP, subscriptions over graphql-ws and SSE on the same path.
 */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.logLevel),
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const supergraphSdl = acceptEnforcedSecurityFeatures(readFileSync(config.supergraphPath, 'utf8'));
  const identity = await Identity.create(config);
  const dataSources = new Map<string, SubgraphDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, config.subgraphUrls[name] ?? url!, config.subgraphTimeoutMs, {
        dedup: config.subgraphDedup,
        batch: config.subgraphBatch,
      });
      dataSources.set(name, source);
      return source;
    },
  });
  // GraphiQL, served from the gateway itself (Apollo's landing page loads from its CDN); checked before anything
  // starts.
  const graphiql = config.graphiql
    ? graphiqlRoutes({
        localToken: !config.production && identity.issuer ? () => graphiqlToken(identity.issuer!) : undefined,
      })
    : null;
  // Read before anything starts: a bad manifest stops the start.
  const manifest = loadTrustedDocuments(config.trustedDocumentsPath);
  // Per caller; shared by the replicas through Redis when REDIS_URL is set.
  const limiter = await createRateLimiter(config.rateLimit, logger);
  // Subscription events and the gateway's own audit entries travel on the platform's bus.
  const ownBus = options.bus ? null : await createEventBus(config.bus, logger, 'supply-graph-gateway');
  const bus = options.bus ?? ownBus!;
  const entityCache = await startEntityCache(config, bus, Boolean(options.bus), logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway:
      config.executor === 'own'
        ? new OwnExecutorGateway(gateway, () => Object.fromEntries(dataSources) as ServiceMap, logger, entityCache)
        : gateway,
    formatError: makeFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The process owner stops servers in order (gateway, subgraphs, pools, PostgreSQL).
    stopOnTerminationSignals: false,
    introspection: true,
    // An overlong document stops the parser at the token limit; operationLimits answers it as QUERY_TOO_COMPLEX.
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: gatewayPlugins(config, { manifest, limiter, bus, logger }),
  });
  await apollo.start();

  // Subscriptions: planned over the same supergraph, fetched through the same data sources.
  if (!options.bus && !config.bus.natsUrl)
    logger.warn('no NATS_URL: a gateway running alone gets no subscription events');
  const planner = new SubscriptionPlanner(
    supergraphSdl,
    gateway.schema!,
    Object.fromEntries(dataSources) as ServiceMap,
    logger,
  );
  const ordersUrl = () => dataSources.get('orders')!.url!;
  const hub = new SubscriptionHub(
    planner,
    orderStatusReplay(ordersUrl),
    logger,
    { bufferSize: config.subscriptionBuffer },
    (p) => identity.internal.sign(p),
  );
  await hub.start(bus);
  const workItemHub = new WorkItemHub(
    planner,
    workItemReplay(ordersUrl),
    logger,
    { bufferSize: config.subscriptionBuffer },
    (p) => identity.internal.sign(p),
  );
  await workItemHub.start(bus);

  const payloads = payloadRoute(planner, identity.internal, logger);
  // API clients: their state (disabled, rate limit, trusted documents) kept fresh from the orders subgraph.
  const clients = new ApiClientDirectory({ ordersUrl, tokens: identity.internal, logger });
  await clients.start(bus);
  identity.useClients(clients);
  clients.onDisabled((clientId) => {
    // Both live hubs: a disabled client's tokens no longer work, and neither does anything they opened.
    const ended = hub.revokeClient(clientId) + workItemHub.revokeClient(clientId);
    if (ended) logger.info({ clientId, ended }, "a disabled API client's subscriptions were ended");
  });
  const wellKnown = authRoutes(identity);
  const downloads = csvExportRoutes(apollo, identity, logger);
  const oauth = identity.issuer
    ? tokenEndpoint({
        issuer: identity.issuer,
        tokens: identity.internal,
        ordersUrl,
        ttlSeconds: config.auth.tokenTtlSeconds,
        logger,
        onGranted: () => clients.refresh(),
        limitAttempt: (clientId) => limiter.take(`oauth:${clientId}`, TOKEN_ATTEMPTS_PER_MINUTE),
      })
    : null;
  let live: ReturnType<typeof startLiveTransports> | null = null;
  const http = await startGraphQLHttpServer<GatewayContext, Caller>({
    service: 'gateway',
    apollo,
    port: config.port,
    host: config.host,
    logger,
    metrics: config.metrics,
    bodyLimitBytes: config.bodyLimitBytes,
    authenticate: (req) => identity.authenticate(req.headers.authorization),
    context: ({ requestId, auth }) => ({ requestId, log: lazyChild(logger, { requestId }), ...auth! }),
    ready: () => subgraphReadiness(Object.fromEntries([...dataSources].map(([name, source]) => [name, source.url!]))),
    // GraphiQL first: it takes only a browser's GET of /graphql and its own assets.
    routes: async (req, res) =>
      (await graphiql?.(req, res)) ||
      (await wellKnown(req, res)) ||
      (await oauth?.(req, res)) ||
      (await payloads(req, res)) ||
      (await downloads(req, res)) ||
      (live?.route(req, res) ?? false),
  });
  live = startLiveTransports(http.server, {
    hub,
    workItemHub,
    schema: planner.schema,
    apollo,
    identity,
    manifest,
    limitSubscribe: rateLimitSubscribe(limiter, config.rateLimit.perMinute),
    limits: config.limits,
    maxMessageBytes: config.bodyLimitBytes,
    logger,
  });
  logger.info({ url: http.url }, 'gateway ready');
  return {
    url: http.url,
    port: http.port,
    identity,
    async stop() {
      await live?.close();
      await clients.stop();
      await http.stop();
      await limiter.close();
      await entityCache?.stop();
      await ownBus?.close();
    },
  };
}

/**
 * The entity cache, following the bus's change events; null when it is off or would never hear of a change (a
 * gateway alone without NATS), or when @apollo/gateway's executor runs the operations.
 */
async function startEntityCache(
  config: GatewayConfig,
  bus: EventBus,
  sharedBus: boolean,
  logger: Logger,
): Promise<EntityCache | null> {
  if (!config.entityCache) return null;
  if (config.executor !== 'own') {
    logger.info('entity cache off: it runs in the own executor (GATEWAY_EXECUTOR=own)');
    return null;
  }
  if (!sharedBus && !config.bus.natsUrl) {
    logger.warn(
      "entity cache off: a gateway running alone without NATS_URL would never hear of the subgraphs' changes",
    );
    return null;
  }
  const cache = new EntityCache(config.entityCache, logger);
  await cache.follow(bus);
  return cache;
}
