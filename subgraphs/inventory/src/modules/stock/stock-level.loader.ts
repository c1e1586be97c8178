import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { WarehouseEntity } from '../warehouse/warehouse.entity';
import { StockLevelEntity } from './stock-level.entity';

/** Per-request stock loaders: one SQL statement per request, whatever the number of products. */
export function createStockLoaders(db: DataSource) {
  return {
    /** Every stock level of each SKU, ordered by warehouse code. */
    stockLevelsBySku: new DataLoader<string, StockLevelEntity[]>(async (skus) => {
      const rows = await db
        .getRepository(StockLevelEntity)
        .createQueryBuilder('s')
        .innerJoin(WarehouseEntity, 'w', 'w.id = s.warehouse_id')
        .where('s.sku = ANY(:skus)', { skus: [...skus] })
        .orderBy('s.sku', 'ASC')
        .addOrderBy('w.code', 'ASC')
        .getMany();
      const grouped = new Map<string, StockLevelEntity[]>();
      for (const row of rows) grouped.set(row.sku, [...(grouped.get(row.sku) ?? []), row]);
      return skus.map((sku) => grouped.get(sku) ?? []);
    }),
  };
}
