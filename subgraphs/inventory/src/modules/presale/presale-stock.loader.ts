import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** A stock level's presale pool, as the loader reads it. */
export interface PresaleRow {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  updatedAt: Date;
}

/** Per-request presale loaders: one SQL statement per request, whatever the number of products. */
export function createPresaleLoaders(db: DataSource) {
  return {
    /** Each SKU's presale pools that hold or promise any unit, by warehouse code. */
    presaleStockBySku: new DataLoader<string, PresaleRow[]>(async (skus) => {
      const rows = (await db.query(
        `SELECT s.sku, s.warehouse_id AS "warehouseId", s.presale_on_hand AS "onHand", s.presale_reserved AS reserved,
                s.updated_at AS "updatedAt"
         FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id
         WHERE s.sku = ANY($1) AND (s.presale_on_hand > 0 OR s.presale_reserved > 0)
         ORDER BY s.sku, w.code`,
        [[...skus]],
      )) as PresaleRow[];
      const grouped = new Map<string, PresaleRow[]>();
      for (const row of rows) grouped.set(row.sku, [...(grouped.get(row.sku) ?? []), row]);
      return skus.map((sku) => grouped.get(sku) ?? []);
    }),
  };
}
