import { readFileSync } from 'node:fs';
import path from 'node:path';
import '@supply-graph/gateway';
import '@supply-graph/inventory';
import '@supply-graph/orders';
import { metricsRegistry } from '@supply-graph/shared';
import { parse } from 'yaml';

const DEPLOY = path.resolve(__dirname, '../../../deploy');

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Series names a query reads: the platform's, Node's and the process's, and Prometheus's own `up`. */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b(supply_graph_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+|up)\b/g)].map((m) => m[1]);
}

/** What the platform process exports, with each histogram's series (_bucket, _sum, _count). */
async function exported(): Promise<Set<string>> {
  const names = new Set(['up']);
  for (const metric of await metricsRegistry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(metric.name + s);
  }
  return names;
}

const dashboard = JSON.parse(readFileSync(path.join(DEPLOY, 'grafana/dashboards/supply-graph.json'), 'utf8')) as {
  uid: string;
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
};
const dashboardQueries = dashboard.panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
);
const rules = (
  parse(readFileSync(path.join(DEPLOY, 'prometheus/alerts.yml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[];
  }
).groups.flatMap((g) => g.rules);

describe('the Grafana dashboard and the Prometheus alert rules', () => {
  it('the dashboard has panels, each with at least one query', () => {
    expect(dashboard.uid).toBe('supply-graph');
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThan(10);
    for (const panel of graphs)
      expect({ panel: panel.title, queries: panel.targets?.length ?? 0 }).toEqual({
        panel: panel.title,
        queries: expect.any(Number),
      });
    expect(graphs.every((p) => (p.targets?.length ?? 0) > 0)).toBe(true);
  });

  it('every dashboard query and alert names only metrics the platform exports', async () => {
    const names = await exported();
    const unknown = [
      ...dashboardQueries.map((q) => ({ where: `panel "${q.panel}"`, expr: q.expr })),
      ...rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
    ].flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((n) => !names.has(n))
        .map((n) => `${where}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every metric the platform exports is on the dashboard or in an alert', async () => {
    const used = new Set(
      [...dashboardQueries.map((q) => q.expr), ...rules.map((r) => r.expr)]
        .flatMap(metricNames)
        .map((n) => n.replace(/_(bucket|sum|count)$/, '')),
    );
    const platform = (await metricsRegistry.getMetricsAsJSON())
      .map((m) => m.name)
      .filter((n) => n.startsWith('supply_graph_'));
    expect(platform.filter((n) => !used.has(n))).toEqual([]);
  });

  it('every alert is named once, has a severity someone acts on, and says what is wrong', () => {
    const alerts = rules.filter((r) => r.alert);
    expect(alerts.length).toBeGreaterThan(10);
    expect(new Set(alerts.map((r) => r.alert)).size).toBe(alerts.length);
    for (const rule of alerts) {
      expect({ alert: rule.alert, severity: rule.labels?.severity }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(page|ticket)$/),
      });
      expect(rule.annotations?.summary).toEqual(expect.any(String));
      if (rule.for) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });

  it('alerts cover what the issue names: error rate, p99, event lag, dead webhooks, oversell risk', () => {
    const byMetric = (metric: string) => rules.some((r) => r.alert && r.expr.includes(metric));
    expect(byMetric('supply_graph_gateway_operations_total')).toBe(true);
    expect(rules.some((r) => r.expr.includes('histogram_quantile(0.99') && r.expr.includes('operation_duration'))).toBe(
      true,
    );
    expect(byMetric('supply_graph_outbox_oldest_unpublished_seconds')).toBe(true);
    expect(byMetric('supply_graph_event_handling_lag_seconds')).toBe(true);
    expect(rules.some((r) => r.expr.includes('supply_graph_webhook_attempts_total{outcome="dead"}'))).toBe(true);
    expect(rules.some((r) => r.expr.includes('supply_graph_stock_alerts_open{kind="DEMAND_EXCEEDS_SUPPLY"}'))).toBe(
      true,
    );
  });
});
