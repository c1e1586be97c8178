import { Gauge } from 'prom-client';
import { backgroundWork, metricsRegistry } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';

// The inventory service's own metrics, all of them here; the ones every service shares are in
// shared/src/metrics/registry.ts, on the same registry and the same /metrics.

const ALERT_KINDS = ['LOW_STOCK', 'DEMAND_EXCEEDS_SUPPLY'] as const;

export const openStockAlerts = new Gauge({
  name: 'supply_graph_stock_alerts_open',
  help:
    'Open stock alerts by kind (LOW_STOCK: a level eating into its safety stock; DEMAND_EXCEEDS_SUPPLY: ' +
    'backordered demand above what all warehouses hold, the oversell risk); read from the database when scraped',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

/** Sets the open alerts' counts (every kind, zero included, so an alert rule sees the series fall back). */
export async function readOpenStockAlerts(db: DataSource): Promise<void> {
  const rows = (await backgroundWork(
    db,
    (m) => m.query('SELECT kind, count(*)::int AS open FROM stock_alert WHERE closed_at IS NULL GROUP BY kind'),
    { transaction: false },
  )) as { kind: string; open: number }[];
  const open = new Map(rows.map((r) => [r.kind, r.open]));
  for (const kind of ALERT_KINDS) openStockAlerts.set({ kind }, open.get(kind) ?? 0);
}
