import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import '@supply-graph/gateway';
import '@supply-graph/orders';
import '@supply-graph/inventory';
import { metricsRegistry } from '@supply-graph/shared';

const ROOT = path.resolve(__dirname, '../../..');

/** Where metrics are defined: the ones every service shares, then each process's own. */
const HOMES = [
  'shared/src/metrics/registry.ts',
  'gateway/src/metrics.ts',
  'subgraphs/orders/src/metrics.ts',
  'subgraphs/inventory/src/metrics.ts',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'dist', '__tests__'].includes(entry.name) ? [] : sourceFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('metrics: one home per process', () => {
  it('no module outside the homes defines a metric', () => {
    const trees = ['shared/src', 'gateway/src', 'platform/src', 'subgraphs'];
    const definers = trees
      .flatMap(sourceFiles)
      .filter((file) =>
        /new (Counter|Gauge|Histogram|Summary)\s*[<(]/.test(readFileSync(path.join(ROOT, file), 'utf8')),
      );
    expect(definers.sort()).toEqual([...HOMES].sort());
  });

  // Dashboards, alerts, benchmarks and the e2e suites read these names: moving a definition must not rename one.
  it('the platform process registers every metric under its published name', async () => {
    const names = (await metricsRegistry.getMetricsAsJSON())
      .map((m) => m.name)
      .filter((n) => n.startsWith('supply_graph_'));
    expect(names.sort()).toEqual([
      'supply_graph_auth_failures_total',
      'supply_graph_entity_cache_invalidations_total',
      'supply_graph_entity_cache_lookups_total',
      'supply_graph_event_failures_total',
      'supply_graph_event_handling_lag_seconds',
      'supply_graph_events_parked_total',
      'supply_graph_events_published_total',
      'supply_graph_events_queued',
      'supply_graph_gateway_operation_duration_seconds',
      'supply_graph_gateway_operations_total',
      'supply_graph_graphql_duration_seconds',
      'supply_graph_graphql_requests_total',
      'supply_graph_outbox_oldest_unpublished_seconds',
      'supply_graph_rate_limit_refusals_total',
      'supply_graph_sql_statements_total',
      'supply_graph_stock_alerts_open',
      'supply_graph_subgraph_fetch_duration_seconds',
      'supply_graph_subgraph_fetch_errors_total',
      'supply_graph_subscribers',
      'supply_graph_subscription_disconnects_total',
      'supply_graph_subscription_events_total',
      'supply_graph_subscription_fanout_seconds',
      'supply_graph_subscription_resolution_seconds',
      'supply_graph_subscription_resolutions_total',
      'supply_graph_webhook_attempt_duration_seconds',
      'supply_graph_webhook_attempts_total',
      'supply_graph_webhook_backlog',
    ]);
  });
});
