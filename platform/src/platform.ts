import { randomBytes } from 'node:crypto';
import { startGateway, type RunningGateway } from '@supply-graph/gateway';
import {
  createEventBus,
  createLogger,
  DEV_INTERNAL_SECRET,
  startEmbeddedPostgres,
  startSubgraph,
  startTracing,
  type EventBus,
  type Logger,
  type PeerName,
  type Peers,
  type RunningPostgres,
  type RunningSubgraph,
} from '@supply-graph/shared';
import { DEV_WEBHOOK_SECRET_KEY } from '@supply-graph/orders';
import type { PlatformConfig } from './config';
import { keptSecret } from './kept-secret';
import { logProgress, needsSeed, seedAll, type SeedReport } from './seed';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface RunningPlatform {
  gatewayUrl: string;
  databaseUrl: string;
  embedded: boolean;
  /** The subgraphs this process hosts (all four unless PLATFORM_SUBGRAPHS says otherwise). */
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph>>;
  gateway: RunningGateway;
  seed: SeedReport | null;
  stop(): Promise<void>;
}

/**
 * The whole platform in one process: PostgreSQL (embedded unless DATABASE_URL
 * is set), the four subgraphs on their ports, demo data on an empty database,
 * then the gateway. `stop()` undoes it in reverse order.
 */
export async function startPlatform(
  config: PlatformConfig,
  logger?: Logger,
  options: { signal?: AbortSignal } = {},
): Promise<RunningPlatform> {
  const log = logger ?? createLogger('platform', config.platform.logLevel);
  // A stop requested while starting is honoured between steps; the catch below undoes what started.
  const checkpoint = () => {
    if (options.signal?.aborted) throw new StartAborted();
  };
  // Off (null) unless OTEL_EXPORTER_OTLP_ENDPOINT is set, or when a test installed its own tracing.
  const tracing = startTracing(config.platform.telemetry);
  let postgres: RunningPostgres | null = null;
  let bus: EventBus | null = null;
  const started: RunningSubgraph[] = [];
  // Loading the demo data makes the subgraphs' own statements wait: no slow-SQL warnings until all is up.
  let up = () => {};
  const startedWhen = new Promise<void>((resolve) => {
    up = resolve;
  });
  try {
    let databaseUrl = config.platform.databaseUrl;
    if (!databaseUrl) {
      postgres = await startEmbeddedPostgres({
        dataDir: `${config.platform.dataDir}/pg`,
        port: config.platform.embeddedPgPort,
        database: 'supply_graph',
        logger: log,
        // Ctrl-C reaches only this process, which stops PostgreSQL last, after every pool has closed.
        detached: true,
      });
      databaseUrl = postgres.url;
    }
    checkpoint();
    // One bus for the whole process: every subgraph's events reach every other's consumers.
    const eventBus = await createEventBus(config.platform.bus, log, 'supply-graph-platform');
    bus = eventBus;
    // Ports may be chosen at start-up (0 in tests): peers are looked up when called.
    const hosted = SUBGRAPHS.filter((s) => config.platform.hosted.includes(s.name));
    // Subgraphs hosted elsewhere are reached at their configured URLs.
    const urls: Partial<Record<PeerName, string>> = Object.fromEntries(
      SUBGRAPHS.filter((s) => !hosted.includes(s)).map((s) => [s.name, config.subgraphs.orders.peerUrls[s.name]]),
    );
    const peers: Peers = {
      url: (name) => {
        const url = urls[name];
        if (!url) throw new Error(`${name} has not started`);
        return url;
      },
    };
    const internalSecret = internalSecretFor(config, hosted.length === SUBGRAPHS.length);
    const subgraphConfigs = { ...config.subgraphs, orders: withKeptWebhookKey(config) };
    const running = await Promise.all(
      hosted.map(async ({ name, definition }) => {
        const sub = await startSubgraph(definition, {
          config: { ...subgraphConfigs[name], databaseUrl, internalSecret },
          logger: createLogger(name, config.platform.logLevel),
          bus: eventBus,
          peers,
          startRelay: false,
          startedWhen,
        });
        urls[name] = `http://127.0.0.1:${sub.port}/graphql`;
        started.push(sub);
        return [name, sub] as const;
      }),
    );
    const subgraphs = Object.fromEntries(running) as Partial<Record<SubgraphName, RunningSubgraph>>;
    const dataSources = Object.fromEntries(running.map(([name, sub]) => [name, sub.dataSource])) as Record<
      SubgraphName,
      RunningSubgraph['dataSource']
    >;
    checkpoint();
    let seed: SeedReport | null = null;
    // The demo data spans all four schemas: only a process hosting all four seeds it (else: npm run seed).
    if (config.platform.seedOnEmpty && hosted.length === SUBGRAPHS.length && (await needsSeed(dataSources))) {
      seed = await seedAll(dataSources, config.platform.seedSize, logProgress(log));
      log.info({ ms: seed.ms, ...seed.counts }, 'demo data loaded');
    }
    // Every consumer of the shared bus has subscribed and the demo data is in: only now may events flow
    // (a consumer writing while the seed truncates the same tables would deadlock with it).
    for (const [, sub] of running) sub.relay.start();
    checkpoint();
    const gateway = await startGateway(
      {
        ...config.gateway,
        internalSecret,
        subgraphUrls: {
          ...config.gateway.subgraphUrls,
          ...Object.fromEntries(running.map(([name, sub]) => [name, `http://127.0.0.1:${sub.port}/graphql`])),
        },
      },
      createLogger('gateway', config.platform.logLevel),
      // Subscriptions tail the platform's own bus.
      { bus: eventBus },
    );
    // The gateway starts last: the orders subgraph asks it for webhook payloads from now on.
    urls.gateway = `http://127.0.0.1:${gateway.port}/graphql`;
    up();
    return {
      gatewayUrl: gateway.url,
      databaseUrl,
      embedded: postgres !== null,
      subgraphs,
      gateway,
      seed,
      async stop() {
        delete urls.gateway;
        await gateway.stop().catch((err: unknown) => log.warn({ err }, 'gateway did not stop cleanly'));
        // Relays first, then the bus (its consumers finish what they hold): nothing may be delivered into a
        // subgraph whose pool is already closed. NATS keeps delivering what the stream holds after the relays stop.
        await Promise.all(running.map(([, sub]) => sub.relay.stop()));
        await bus?.close();
        await Promise.all(
          running.map(([name, sub]) =>
            sub.stop().catch((err: unknown) => log.warn({ err, name }, 'subgraph did not stop cleanly')),
          ),
        );
        await postgres?.stop();
        await tracing?.stop();
      },
    };
  } catch (err) {
    up();
    await Promise.all(started.map((sub) => sub.stop().catch(() => undefined)));
    await bus?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    await tracing?.stop().catch(() => undefined);
    throw err;
  }
}

/**
 * The secret the services sign each other's requests with. A process hosting
 * every service makes a random one per start when none is configured: nothing
 * outside it needs it, and the public development default would let any local
 * program forge the gateway's word. A process hosting only some services must
 * share the configured one (or the development default) with the others.
 */
function internalSecretFor(config: PlatformConfig, hostsEverything: boolean): string {
  const configured = config.gateway.internalSecret;
  return hostsEverything && configured === DEV_INTERNAL_SECRET ? randomBytes(32).toString('base64url') : configured;
}

/**
 * Webhook secrets are sealed with the configured key, else (not the public development one) a key kept beside
 * the data.
 */
function withKeptWebhookKey(config: PlatformConfig): PlatformConfig['subgraphs']['orders'] {
  const orders = config.subgraphs.orders;
  if (orders.webhooks.secretKey !== DEV_WEBHOOK_SECRET_KEY) return orders;
  return {
    ...orders,
    webhooks: { ...orders.webhooks, secretKey: keptSecret(config.platform.dataDir, 'webhook-secret-key') },
  };
}

/** Thrown when a stop was requested while the platform was still starting. */
export class StartAborted extends Error {
  override name = 'StartAborted';

  constructor() {
    super('start-up was interrupted');
  }
}
