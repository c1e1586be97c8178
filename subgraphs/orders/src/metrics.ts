import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@supply-graph/shared';

// The orders service's own metrics, all of them here; the ones every service shares (GraphQL, SQL,
// events) are in shared/src/metrics/registry.ts, on the same registry and the same /metrics.

export const webhookAttempts = new Counter({
  name: 'supply_graph_webhook_attempts_total',
  help:
    'Partner webhook delivery attempts, by outcome ' +
    '(delivered: 2xx; failed: retried later; dead: failed and given up)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookAttemptDuration = new Histogram({
  name: 'supply_graph_webhook_attempt_duration_seconds',
  help: "Partner webhook attempts, payload resolution and the partner's answer together",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** How the backlog is counted: set by the dispatch job, read only when metrics are scraped. */
let backlogSource: (() => Promise<number>) | null = null;

export function countWebhookBacklogWith(source: () => Promise<number>): void {
  backlogSource = source;
}

export const webhookBacklog = new Gauge({
  name: 'supply_graph_webhook_backlog',
  help: 'Partner webhook deliveries due now and not yet delivered (read from the database when scraped)',
  registers: [metricsRegistry],
  async collect() {
    // An unreachable database leaves the value as it was rather than reporting a made-up backlog.
    const count = await backlogSource?.().catch(() => null);
    if (count !== undefined && count !== null) this.set(count);
  },
});
