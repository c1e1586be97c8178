import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import type { SubgraphConfig } from '../config/load-config';
import { closeDataSource, createDataSource, initializeDatabase, quietSlowSqlUntil } from '../db/data-source';
import { makeFormatError } from '../errors/format-error';

import { createLogger, lazyChild } from '../logging/logger';
import { readAtScrape } from '../metrics/registry';
import { observe } from './observe.plugin';
import type { EventBus } from '../events/event-bus';
import { idempotent, type ConsumerDefinition } from '../events/idempotent-consumer';
import { InProcessEventBus } from '../events/in-process-bus';
import { OutboxRelay } from '../events/outbox-relay';
import { pruneInbox, pruneOutbox } from '../events/outbox-positions';
import { parkedRetryConsumer, retryQueuedEvents } from '../events/retry-worker';
import { serviceEvents, type ServiceEvents } from '../events/transaction';
import { staticPeers, type Peers } from '../federation/peers';
import { bearerToken, InternalTokens } from '../access/internal-token';
import { servicePrincipal, type Principal } from '../access/principal';
import type { PiiReadLog } from '../access/pii-audit';
import { auditedEvents, openRequestAudit, type RequestAudit } from '../access/audit';
import { auditTrail, AuditWriter } from './audit.plugin';
import { startGraphQLHttpServer, type RunningHttpServer } from './http-server';
import { startPeriodicJob, type BackgroundJobDefinition } from './jobs';
import { stopAtDeadline, unavailableStatus } from './availability.plugin';
import type { RequestScope } from './request-scope';

/** Every subgraph drops published events and inbox entries past the retention (OUTBOX_RETENTION_HOURS), hourly. */
const outboxPruneJob: BackgroundJobDefinition = {
  name: 'outbox-prune',
  intervalMs: () => 60 * 60_000,
  async run({ db, config, log }) {
    const pruned = await pruneOutbox(db, config.outboxRetentionHours);
    const forgotten = await pruneInbox(db, config.outboxRetentionHours);
    if (pruned || forgotten)
      log.info(
        { pruned, forgotten, retentionHours: config.outboxRetentionHours },
        'pruned events and inbox entries past retention',
      );
  },
};

/** What every subgraph resolver receives; subgraphs add their loaders on top. */
export interface SubgraphContext extends PiiReadLog {
  requestId: string;
  log: Logger;
  db: DataSource;
  /** Transactions whose events leave through the outbox. */
  events: ServiceEvents;
  /** The other subgraphs, for the few synchronous questions intake asks. */
  peers: Peers;
  /** The config the subgraph was started with: its own loader's full object (rules' settings included). */
  config: SubgraphConfig;
  /** This request's deadline and abort signal (absent for work outside a request). */
  scope?: RequestScope;
  /** Who is asking: the caller's verified claims, as the gateway passed them on in its internal token. */
  principal: Principal;
  /**
   * This request's audit trail (shared/src/access/audit.ts): the mutation field
   * being resolved and the PII reads to record. Absent outside requests and for
   * the platform's own calls.
   */
  audit?: RequestAudit;
}

/** Everything the runtime needs to know about one subgraph. */
export interface SubgraphDefinition<TContext extends SubgraphContext = SubgraphContext> {
  name: string;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  entities: MixedList<Function>;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  migrations: MixedList<Function>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Extends the base context with this request's DataLoaders. */
  createContext(base: SubgraphContext): TContext;
  /**
   * What the subgraph does when other services' events arrive; a function
   * when the handlers need the subgraph's settings (e.g. orders' risk rules).
   */
  consumers?: ConsumerDefinition[] | ((config: SubgraphConfig) => ConsumerDefinition[]);
  /** Periodic work besides requests (e.g. logistics' exception scan). */
  jobs?: BackgroundJobDefinition[];
  /** Gauges read from the database when metrics are scraped (e.g. open stock alerts), not on a timer. */
  readAtScrape?: (db: DataSource) => Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  dataSource: DataSource;
  http: RunningHttpServer;
  events: ServiceEvents;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  config: SubgraphConfig;
  logger?: Logger;
  /** The bus events travel on; the owner closes it. Default: a bus private to this subgraph. */
  bus?: EventBus;
  /** Default: the URLs in the config (ORDERS_URL, ...). */
  peers?: Peers;
  /**
   * false: the owner starts the relay (`relay.start()`) once every subgraph
   * sharing the in-process bus has subscribed. That bus reaches only the
   * subscribers it has when an event is published, so a relay started before
   * its peers subscribed would mark their events published unseen. Default true.
   */
  startRelay?: boolean;
  /**
   * Slow statements are debug lines, not warnings, until the subgraph serves
   * and this settles: an owner starting more (the platform: demo data, the
   * gateway) passes a promise of its own start.
   */
  startedWhen?: Promise<unknown>;
}

/**
 * Connects to PostgreSQL, migrates the subgraph's schema and serves the
 * subgraph over HTTP. The same function runs a subgraph alone (its `main.ts`)
 * and inside the embedded platform.
 */
export async function startSubgraph<TContext extends SubgraphContext>(
  definition: SubgraphDefinition<TContext>,
  {
    config,
    logger = createLogger(definition.name, config.logLevel),
    bus,
    peers = staticPeers(config.peerUrls),
    startRelay = true,
    startedWhen,
  }: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  if (!config.databaseUrl) {
    throw new Error(
      `DATABASE_URL is required to run the ${definition.name} subgraph on its own; ` +
        '`npm start` runs the whole platform on embedded PostgreSQL instead.',
    );
  }
  const dataSource = createDataSource({
    service: definition.name,
    url: config.databaseUrl,
    schema: config.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    logger,
  });
  let served = () => {};
  const serving = new Promise<void>((resolve) => {
    served = resolve;
  });
  quietSlowSqlUntil(dataSource, Promise.all([serving, startedWhen]));
  await initializeDatabase(dataSource, config.dbSchema);
  const eventBus = bus ?? new InProcessEventBus(logger);
  const tokens = new InternalTokens(config.internalSecret, config.internalSecretPrevious);
  // Peers are asked by this service as itself; the caller's authority was checked where it asked.
  const self = servicePrincipal(definition.name);
  const peerCalls: Peers = {
    url: (name) => peers.url(name),
    authorization: async () => `Bearer ${await tokens.sign(self)}`,
  };
  const relay = new OutboxRelay(dataSource, eventBus, logger, {
    service: definition.name,
    batchSize: config.outboxRelayBatch,
  });
  const events = serviceEvents(definition.name, dataSource, () => relay.nudge());
  // Every subgraph also takes operators' retries of the events it parked.
  const consumers: ConsumerDefinition[] = [...consumersOf(definition, config)];
  consumers.push(parkedRetryConsumer(definition.name, () => consumers));
  const retry = {
    dataSource,
    service: definition.name,
    consumers,
    policy: config.eventRetry,
    logger,
    afterCommit: () => relay.nudge(),
  };
  for (const consumer of consumers) {
    await eventBus.subscribe(idempotent(dataSource, definition.name, consumer, () => relay.nudge(), retry));
  }
  if (startRelay) relay.start();
  const { readAtScrape: reading } = definition;
  if (reading) readAtScrape(definition.name, () => reading(dataSource));
  const retryJob = startPeriodicJob({
    name: 'consumer-retry',
    intervalMs: config.eventRetry.pollMs,
    log: logger,
    run: () => retryQueuedEvents(retry).then(() => undefined),
  });
  const jobs = [
    retryJob,
    ...[...(definition.jobs ?? []), outboxPruneJob].map((job) =>
      startPeriodicJob({
        name: job.name,
        intervalMs: job.intervalMs(config),
        log: logger,
        run: () => job.run({ db: dataSource, events, config, log: logger, peers: peerCalls }),
      }),
    ),
  ];
  const schema = await definition.buildSchema();
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError: makeFormatError(logger, definition.name),
    includeStacktraceInErrorResponses: false,
    // The process owner stops servers in order (gateway, subgraphs, pools, PostgreSQL).
    stopOnTerminationSignals: false,
    // Subgraphs are reached through the gateway; only the gateway offers a sandbox.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are declared and no cache reads them; its hook on every field cost 4 % of a 360 query.
      ApolloServerPluginCacheControlDisabled(),
      observe(definition.name),
      stopAtDeadline(),
      // After stopAtDeadline: field hooks run last plugin first, so a field it refuses is audited too.
      auditTrail(new AuditWriter(events), definition.name),
      unavailableStatus(),
    ],
  });
  await apollo.start();
  const http = await startGraphQLHttpServer<TContext>({
    service: definition.name,
    apollo,
    port: config.port,
    host: config.host,
    logger,
    metrics: config.metrics,
    requestTimeoutMs: config.requestTimeoutMs,
    // Sealed: only the gateway and the other services hold the secret their tokens are signed with.
    authenticate: (req) => tokens.verify(bearerToken(req.headers.authorization)),
    context: ({ requestId, scope, auth }) => {
      // A mutation's audit entry commits with its change: the request's transactions append it (audit.ts).
      const audit = openRequestAudit(auth!, requestId);
      const requestEvents = audit ? auditedEvents(events, audit) : events;
      const base = {
        requestId,
        log: lazyChild(logger, { requestId }),
        db: dataSource,
        events: requestEvents,
        peers: peerCalls,
        config,
        scope,
        principal: auth!,
        audit,
      };
      return definition.createContext(base);
    },
    ready: async () => {
      await dataSource.query('SELECT 1');
      return true;
    },
  });
  logger.info({ url: http.url }, `${definition.name} subgraph ready`);
  served();
  return {
    name: definition.name,
    url: http.url,
    port: http.port,
    dataSource,
    http,
    events,
    relay,
    async stop() {
      if (reading) readAtScrape(definition.name, null);
      try {
        await http.stop();
        await Promise.all(jobs.map((job) => job.stop()));
        await relay.stop();
      } finally {
        // Connections are given back even if the server did not close cleanly.
        await closeDataSource(dataSource);
      }
    },
  };
}

/** The subgraph's consumers for this config. */
export function consumersOf(
  definition: Pick<SubgraphDefinition, 'consumers'>,
  config: SubgraphConfig,
): ConsumerDefinition[] {
  return typeof definition.consumers === 'function' ? definition.consumers(config) : (definition.consumers ?? []);
}
