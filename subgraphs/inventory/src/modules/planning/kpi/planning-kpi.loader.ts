import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { emptyKpi, readKpis, type KpiQuery } from './read-kpis';
import type { PlanningKpi } from './planning-kpi.type';

/** One product's KPI request: the SKU and the filters, already checked (days YYYY-MM-DD; null channels: all). */
export interface ProductKpiKey {
  sku: string;
  warehouseId: string | null;
  channels: readonly string[] | null;
  from: string;
  to: string;
  days: number;
}

const filterOf = (k: ProductKpiKey) => JSON.stringify([k.warehouseId, k.channels, k.from, k.to]);

/** Per-request KPI loaders: one read (two statements) per distinct filter, whatever the number of products. */
export function createPlanningKpiLoaders(db: DataSource) {
  return {
    productKpi: new DataLoader<ProductKpiKey, PlanningKpi, string>(
      async (keys) => {
        const byFilter = new Map<string, ProductKpiKey[]>();
        for (const k of keys) byFilter.set(filterOf(k), [...(byFilter.get(filterOf(k)) ?? []), k]);
        const found = new Map<string, PlanningKpi>();
        for (const [filter, group] of byFilter) {
          const { warehouseId, channels, from, to, days } = group[0];
          const query: KpiQuery = { by: 'sku', skus: group.map((k) => k.sku), warehouseId, channels, from, to, days };
          const { byKey } = await readKpis(db, query);
          for (const k of group)
            found.set(`${k.sku}\u0000${filter}`, byKey.get(k.sku) ?? emptyKpi(query, { sku: k.sku, warehouseId }));
        }
        return keys.map((k) => found.get(`${k.sku}\u0000${filterOf(k)}`)!);
      },
      { cacheKeyFn: (k) => `${k.sku}\u0000${filterOf(k)}` },
    ),
  };
}
