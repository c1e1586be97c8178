import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid, preparedRead, readRows } from '@supply-graph/shared';
import type { WarehouseEntity } from './warehouse.entity';

const WAREHOUSES = preparedRead<WarehouseEntity>(
  'inventory.warehouses-by-id',
  `SELECT id, code, name, region, city, latitude, longitude, accepts_returns AS "acceptsReturns"
   FROM warehouse WHERE id = ANY($1::uuid[])`,
);

/** Per-request warehouse loaders: one SQL statement per request, whatever the number of parents. */
export function createWarehouseLoaders(db: DataSource) {
  return {
    warehouseById: new DataLoader<string, WarehouseEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await readRows(db, WAREHOUSES, [valid]) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
