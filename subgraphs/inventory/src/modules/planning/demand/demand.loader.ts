import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { DemandDay } from './demand.type';

/** One product's history request: the SKU and the filters (days inclusive, YYYY-MM-DD; null channels: all). */
export interface DemandKey {
  sku: string;
  warehouseId: string | null;
  channels: readonly string[] | null;
  from: string;
  to: string;
}

const HISTORY_SQL = `
  SELECT sku, day::text AS day, warehouse_id AS "warehouseId", channel, units_demanded AS "unitsDemanded",
         units_fulfilled AS "unitsFulfilled", units_short AS "unitsShort", orders
  FROM demand_daily
  WHERE sku = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date
    AND ($4::uuid IS NULL OR warehouse_id = $4) AND ($5::text[] IS NULL OR channel = ANY($5))
  ORDER BY sku, day, warehouse_id, channel`;

const filterOf = (k: DemandKey) => JSON.stringify([k.warehouseId, k.channels, k.from, k.to]);

/** Per-request demand loaders: one SQL statement per distinct filter, whatever the number of products. */
export function createDemandLoaders(db: DataSource) {
  return {
    demandHistory: new DataLoader<DemandKey, (DemandDay & { sku: string })[], string>(
      async (keys) => {
        const byFilter = new Map<string, DemandKey[]>();
        for (const k of keys) byFilter.set(filterOf(k), [...(byFilter.get(filterOf(k)) ?? []), k]);
        const found = new Map<string, (DemandDay & { sku: string })[]>();
        for (const [filter, group] of byFilter) {
          const { warehouseId, channels, from, to } = group[0];
          const rows = (await db.query(HISTORY_SQL, [
            group.map((k) => k.sku),
            from,
            to,
            warehouseId,
            channels,
          ])) as (DemandDay & { sku: string })[];
          for (const row of rows) {
            const key = `${row.sku}\u0000${filter}`;
            found.set(key, [...(found.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => found.get(`${k.sku}\u0000${filterOf(k)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.sku}\u0000${filterOf(k)}` },
    ),
  };
}
