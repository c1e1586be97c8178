import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@supply-graph/shared';

// The gateway's own metrics, all of them here; the ones it shares with the subgraphs (GraphQL operations)
// are in shared/src/metrics/registry.ts, on the same registry and the same /metrics.

/** What operators watch on subscriptions: how many, how much work per event, how long it takes. */
export const subscriptionMetrics = {
  subscribers: new Gauge({
    name: 'supply_graph_subscribers',
    help: 'Open live subscriptions on this gateway (orderStatusChanged and workItemChanged, WebSocket and SSE)',
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

/** Operation names as labels, bounded: past this many distinct names, the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

/** The label for an operation name: clients choose names, so the set of series they can open is capped. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

/** What clients asked of the gateway, and what each subgraph call cost. */
export const requestMetrics = {
  operations: new Counter({
    name: 'supply_graph_gateway_operations_total',
    help:
      'GraphQL operations the gateway answered, by operation name (at most 200 names, then "other"), type ' +
      '(query, mutation, subscription, unknown: refused before it was parsed) and outcome (ok, or the first ' +
      "error's code)",
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  duration: new Histogram({
    name: 'supply_graph_gateway_operation_duration_seconds',
    help: 'Time the gateway took to answer a GraphQL operation, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metricsRegistry],
  }),
  subgraphFetch: new Histogram({
    name: 'supply_graph_subgraph_fetch_duration_seconds',
    help: 'One HTTP call from the gateway to a subgraph, from sending to the whole answer, by subgraph',
    labelNames: ['subgraph'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metricsRegistry],
  }),
  subgraphErrors: new Counter({
    name: 'supply_graph_subgraph_fetch_errors_total',
    help:
      'Gateway calls to a subgraph that failed, by subgraph and reason (timeout, connection: no answer; ' +
      'http: an HTTP error status; graphql: an answer carrying errors)',
    labelNames: ['subgraph', 'reason'] as const,
    registers: [metricsRegistry],
  }),
  rateLimitRefusals: new Counter({
    name: 'supply_graph_rate_limit_refusals_total',
    help: "Requests refused for going past the caller's rate limit, by transport (http, subscription)",
    labelNames: ['transport'] as const,
    registers: [metricsRegistry],
  }),
  fanOut: new Histogram({
    name: 'supply_graph_subscription_fanout_seconds',
    help:
      "Time from an order's status change (the event's time) to its messages being queued for every matching " +
      'subscriber of this gateway',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metricsRegistry],
  }),
};
