import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per process. When the embedded platform hosts all
 * five services in one process, every series carries a `service` label.
 * Below: the metrics every service emits through the shared runtime. A
 * service's own metrics are in its `metrics.ts` (gateway/src/metrics.ts,
 * subgraphs/orders/src/metrics.ts), on this registry.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const sqlStatements = new Counter({
  name: 'supply_graph_sql_statements_total',
  help:
    'SQL statements sent to PostgreSQL, by service and origin ' +
    '(request: GraphQL operations; events: relay and consumers)',
  labelNames: ['service', 'origin'] as const,
  registers: [metricsRegistry],
});

export const graphqlRequests = new Counter({
  name: 'supply_graph_graphql_requests_total',
  help: 'GraphQL operations executed, by service and outcome',
  labelNames: ['service', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'supply_graph_graphql_duration_seconds',
  help: 'GraphQL operation duration, by service',
  labelNames: ['service'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

/** SQL statements one service sent while serving GraphQL requests (used by tests and benchmarks). */
export async function sqlStatementCount(service: string, origin: 'request' | 'events' = 'request'): Promise<number> {
  const metric = await sqlStatements.get();
  return metric.values.find((v) => v.labels.service === service && v.labels.origin === origin)?.value ?? 0;
}

export const eventFailures = new Counter({
  name: 'supply_graph_event_failures_total',
  help:
    'Events a consumer failed to handle, by kind (error: the handler failed, counts towards parking; ' +
    'transient: the infrastructure failed, retried without limit)',
  labelNames: ['service', 'consumer', 'kind'] as const,
  registers: [metricsRegistry],
});

export const eventsParked = new Counter({
  name: 'supply_graph_events_parked_total',
  help:
    'Events a consumer gave up on after EVENT_MAX_ATTEMPTS failures and parked (dead letters); ' +
    'alert on any increase',
  labelNames: ['service', 'consumer'] as const,
  registers: [metricsRegistry],
});

export const eventsQueued = new Gauge({
  name: 'supply_graph_events_queued',
  help:
    "Events waiting in a consumer's retry queue (failed, or behind a failed one of their aggregate), " +
    "as of the retry job's last run",
  labelNames: ['service', 'consumer'] as const,
  registers: [metricsRegistry],
});

export const authFailures = new Counter({
  name: 'supply_graph_auth_failures_total',
  help:
    'Requests refused before any GraphQL work because the caller could not be identified or was not let in, ' +
    'by service and code (UNAUTHENTICATED, FORBIDDEN, SERVICE_UNAVAILABLE)',
  labelNames: ['service', 'code'] as const,
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'supply_graph_events_published_total',
  help: "Events a service's outbox relay published to the bus",
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const eventHandlingLag = new Histogram({
  name: 'supply_graph_event_handling_lag_seconds',
  help: 'Time from an event being written (its occurredAt) to a consumer taking it, by service and consumer',
  labelNames: ['service', 'consumer'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

/** Per service: the age in seconds of its oldest unpublished outbox event (0 when none), asked at scrape time. */
const outboxAgeSources = new Map<string, () => Promise<number>>();

/** Registers (or with null, removes) how a service reads its outbox's age; the relay does, while it runs. */
export function measureOutboxAgeWith(service: string, source: (() => Promise<number>) | null): void {
  if (source) outboxAgeSources.set(service, source);
  else outboxAgeSources.delete(service);
}

export const outboxAge = new Gauge({
  name: 'supply_graph_outbox_oldest_unpublished_seconds',
  help:
    "Age of the oldest event in a service's outbox that the relay has not published yet (0: none waiting); " +
    'read from the database when scraped',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    await Promise.all(
      [...outboxAgeSources].map(async ([service, source]) => {
        // An unreachable database leaves the series out rather than reporting a made-up age.
        const age = await source().catch(() => null);
        if (age !== null) this.set({ service }, age);
      }),
    );
  },
});

/** Readings a service takes from its database when metrics are scraped (e.g. open stock alerts), by service. */
const scrapeReadings = new Map<string, () => Promise<void>>();

/** Registers (or with null, removes) a service's scrape-time reading; the subgraph runtime does, while it runs. */
export function readAtScrape(service: string, reading: (() => Promise<void>) | null): void {
  if (reading) scrapeReadings.set(service, reading);
  else scrapeReadings.delete(service);
}

/** Takes every registered reading; one that fails leaves its gauges as they were. */
export async function takeScrapeReadings(): Promise<void> {
  await Promise.all([...scrapeReadings.values()].map((read) => read().catch(() => undefined)));
}
