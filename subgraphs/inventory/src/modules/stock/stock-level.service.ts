import type { InventoryContext } from '../../context';
import type { StockLevelEntity } from './stock-level.entity';
import type { StockLevel } from './stock-level.type';

/** Units that can still be promised: what is left after reservations and the safety buffer. */
export const availableOf = (row: Pick<StockLevelEntity, 'onHand' | 'reserved' | 'safetyStock'>): number =>
  Math.max(0, row.onHand - row.reserved - row.safetyStock);

/** The regular-stock columns a StockLevel shows (presale units are not part of it). */
export type RegularStock = Pick<
  StockLevelEntity,
  'sku' | 'warehouseId' | 'onHand' | 'reserved' | 'safetyStock' | 'updatedAt'
>;

export const toStockLevel = (row: RegularStock): StockLevel => ({
  sku: row.sku,
  warehouseId: row.warehouseId,
  onHand: row.onHand,
  reserved: row.reserved,
  safetyStock: row.safetyStock,
  available: availableOf(row),
  updatedAt: row.updatedAt,
});

/** Reads of stock levels. Writes live in `stock-adjust.service.ts`. */
export const stockLevelService = {
  /** A product's stock levels, by warehouse code. */
  async levelsForSku(ctx: InventoryContext, sku: string): Promise<StockLevel[]> {
    const rows = await ctx.loaders.stockLevelsBySku.load(sku);
    return rows.map(toStockLevel);
  },

  /** Sum of per-warehouse availability; reuses the stock-level loader, so no extra SQL. */
  async availableForSku(ctx: InventoryContext, sku: string): Promise<number> {
    const rows = await ctx.loaders.stockLevelsBySku.load(sku);
    return rows.reduce((sum, row) => sum + availableOf(row), 0);
  },
};
