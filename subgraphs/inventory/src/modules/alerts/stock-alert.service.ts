import type { InventoryContext } from '../../context';
import type { StockAlert } from './stock-alert.type';

/** Reads of stock alerts. They are raised and closed by `refreshStockAlerts` in the transactions that move stock. */
export const stockAlertService = {
  /** Open alerts (open = true), closed ones (false) or all (null); newest first. */
  async list(ctx: InventoryContext, open: boolean | null): Promise<StockAlert[]> {
    return (await ctx.db.query(
      `SELECT id, kind, sku, warehouse_id AS "warehouseId", message, opened_at AS "openedAt", closed_at AS "closedAt"
       FROM stock_alert
       WHERE $1::boolean IS NULL OR (closed_at IS NULL) = $1
       ORDER BY opened_at DESC, id`,
      [open],
    )) as StockAlert[];
  },
};
