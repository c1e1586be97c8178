import DataLoader from 'dataloader';
import { isUuid } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { transitBySku, type TransitUnits } from './in-transit';
import { TRANSFER_COLUMNS, type TransferRow } from './transfer-row';

/** Per-request transfer loaders: one SQL statement per request, whatever the number of parents. */
export function createTransferLoaders(db: DataSource) {
  return {
    /** A transfer by id; null when there is none. */
    transferById: new DataLoader<string, TransferRow | null>(async (ids) => {
      const valid = ids.filter(isUuid).map((id) => id.toLowerCase());
      const rows = valid.length
        ? ((await db.query(`SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.id = ANY($1::uuid[])`, [
            valid,
          ])) as TransferRow[])
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
    /** Per SKU, the units on the way into and out of each warehouse. */
    inTransitBySku: new DataLoader<string, Map<string, TransitUnits>>(async (skus) => {
      const found = await transitBySku(db, skus);
      return skus.map((sku) => found.get(sku) ?? new Map());
    }),
  };
}
