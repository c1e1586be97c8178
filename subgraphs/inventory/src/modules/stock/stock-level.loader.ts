import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedRead, readRows } from '@supply-graph/shared';
import type { StockLevelEntity } from './stock-level.entity';

const STOCK_LEVELS = preparedRead<StockLevelEntity>(
  'inventory.stock-levels-by-sku',
  `SELECT s.sku, s.warehouse_id AS "warehouseId", s.on_hand AS "onHand", s.reserved,
          s.presale_on_hand AS "presaleOnHand", s.presale_reserved AS "presaleReserved",
          s.safety_stock AS "safetyStock", s.updated_at AS "updatedAt"
     FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id
    WHERE s.sku = ANY($1::text[])
    ORDER BY s.sku, w.code`,
);

/** Per-request stock loaders: one SQL statement per request, whatever the number of products. */
export function createStockLoaders(db: DataSource) {
  return {
    /** Every stock level of each SKU, ordered by warehouse code. */
    stockLevelsBySku: new DataLoader<string, StockLevelEntity[]>(async (skus) => {
      const rows = await readRows(db, STOCK_LEVELS, [skus]);
      const grouped = new Map<string, StockLevelEntity[]>();
      for (const row of rows) {
        const list = grouped.get(row.sku);
        if (list) list.push(row);
        else grouped.set(row.sku, [row]);
      }
      return skus.map((sku) => grouped.get(sku) ?? []);
    }),
  };
}
