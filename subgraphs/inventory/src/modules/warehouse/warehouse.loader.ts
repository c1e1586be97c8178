import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { isUuid } from '@supply-graph/shared';
import { WarehouseEntity } from './warehouse.entity';

/** Per-request warehouse loaders: one SQL statement per request, whatever the number of parents. */
export function createWarehouseLoaders(db: DataSource) {
  return {
    warehouseById: new DataLoader<string, WarehouseEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.getRepository(WarehouseEntity).findBy({ id: In(valid) }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
