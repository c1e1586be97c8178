import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@supply-graph/shared';

// The gateway's own metrics, all of them here; the ones it shares with the subgraphs (GraphQL operations)
// are in shared/src/metrics/registry.ts, on the same registry and the same /metrics.

/** What operators watch on subscriptions: how many, how much work per event, how long it takes. */
export const subscriptionMetrics = {
  subscribers: new Gauge({
    name: 'supply_graph_subscribers',
    help: 'Open orderStatusChanged subscriptions on this gateway (WebSocket and SSE)',
    registers: [metricsRegistry],
  }),
  events: new Counter({
    name: 'supply_graph_subscription_events_total',
    help: 'Status events this gateway received from the bus',
    registers: [metricsRegistry],
  }),
  resolutions: new Counter({
    name: 'supply_graph_subscription_resolutions_total',
    help: 'Event resolutions through the query plan (one per event and distinct selection, plus replays)',
    registers: [metricsRegistry],
  }),
  resolution: new Histogram({
    name: 'supply_graph_subscription_resolution_seconds',
    help: 'Time to resolve one event for one selection through the query plan',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [metricsRegistry],
  }),
  disconnects: new Counter({
    name: 'supply_graph_subscription_disconnects_total',
    help: 'Subscriptions ended by the gateway, by reason',
    labelNames: ['reason'] as const,
    registers: [metricsRegistry],
  }),
};

/** The entity cache (execution/entity-cache.ts): how often it answers, and how often the change feed empties it. */
export const entityCacheMetrics = {
  lookups: new Counter({
    name: 'supply_graph_entity_cache_lookups_total',
    help: 'Entity answers looked up in the gateway cache, by subgraph and outcome (hit, miss)',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  invalidations: new Counter({
    name: 'supply_graph_entity_cache_invalidations_total',
    help: "Times a subgraph's cached answers were dropped (a change event, or a mutation through this gateway)",
    labelNames: ['subgraph'] as const,
    registers: [metricsRegistry],
  }),
};
