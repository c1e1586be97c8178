import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '@supply-graph/shared';
import type { Box, ProductDimensions } from './packaging.type';

const cm3 = (l: number, w: number, h: number) => Math.round((l * w * h) / 100) / 10;

/** Per-request packaging loaders: boxes by warehouse and dimensions by SKU, one statement per batch. */
export function createPackagingLoaders(db: DataSource) {
  return {
    boxesByWarehouseId: new DataLoader<string, Box[]>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length
        ? ((await db.query(
            `SELECT warehouse_id AS "warehouseId", code, length_mm AS "lengthMm", width_mm AS "widthMm",
                    height_mm AS "heightMm", max_weight_grams AS "maxWeightGrams", tare_grams AS "tareGrams",
                    is_default AS "isDefault"
             FROM warehouse_box WHERE warehouse_id = ANY($1::uuid[])
             ORDER BY warehouse_id, length_mm * width_mm * height_mm, code`,
            [valid],
          )) as (Omit<Box, 'volumeCm3'> & { warehouseId: string })[])
        : [];
      return ids.map((id) =>
        rows
          .filter((r) => r.warehouseId === id.toLowerCase())
          .map(({ warehouseId, ...b }) => ({ ...b, volumeCm3: cm3(b.lengthMm, b.widthMm, b.heightMm) })),
      );
    }),
    dimensionsBySku: new DataLoader<string, ProductDimensions | null>(async (skus) => {
      const rows = (await db.query(
        `SELECT sku, length_mm AS "lengthMm", width_mm AS "widthMm", height_mm AS "heightMm"
         FROM product WHERE sku = ANY($1) AND length_mm IS NOT NULL`,
        [[...new Set(skus)]],
      )) as (Omit<ProductDimensions, 'volumeCm3'> & { sku: string })[];
      const bySku = new Map(
        rows.map(({ sku, ...d }) => [sku, { ...d, volumeCm3: cm3(d.lengthMm, d.widthMm, d.heightMm) }]),
      );
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),
  };
}
