import type { SqlExecutor } from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import type { StockLedgerMismatch } from './stock-ledger.type';

// Both pools of every level against their movements; a FULL JOIN so movements
// for a level that does not exist (or a level with none) show up too. ADJUST and
// the transfer kinds are signed (TRANSFER_OUT is negative), the others count up.
const CHECK_SQL = `
  WITH ledger AS (
    SELECT sku, warehouse_id, presale,
      coalesce(sum(quantity) FILTER (WHERE kind IN ('RECEIVE', 'ADJUST', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN')), 0)
        - coalesce(sum(quantity) FILTER (WHERE kind = 'SHIP'), 0) AS on_hand,
      coalesce(sum(quantity) FILTER (WHERE kind = 'RESERVE'), 0)
        - coalesce(sum(quantity) FILTER (WHERE kind IN ('RELEASE', 'SHIP')), 0) AS reserved
    FROM stock_movement WHERE $1::text IS NULL OR sku = $1
    GROUP BY sku, warehouse_id, presale
  ),
  level AS (
    SELECT sku, warehouse_id, false AS presale, on_hand, reserved FROM stock_level WHERE $1::text IS NULL OR sku = $1
    UNION ALL
    SELECT sku, warehouse_id, true, presale_on_hand, presale_reserved FROM stock_level
      WHERE $1::text IS NULL OR sku = $1
  )
  SELECT coalesce(l.sku, g.sku) AS sku, coalesce(l.warehouse_id, g.warehouse_id) AS "warehouseId",
         coalesce(l.presale, g.presale) AS presale,
         coalesce(l.on_hand, 0)::int AS "onHand", coalesce(g.on_hand, 0)::int AS "ledgerOnHand",
         coalesce(l.reserved, 0)::int AS reserved, coalesce(g.reserved, 0)::int AS "ledgerReserved"
  FROM level l FULL JOIN ledger g ON g.sku = l.sku AND g.warehouse_id = l.warehouse_id AND g.presale = l.presale
  WHERE coalesce(l.on_hand, 0) <> coalesce(g.on_hand, 0) OR coalesce(l.reserved, 0) <> coalesce(g.reserved, 0)
  ORDER BY 1, 2, 3`;

/**
 * Every stock level (of one SKU, or all) whose numbers are not the sum of its
 * movements; empty when the ledger explains all stock. Reads only, so it is
 * safe to run on a live system (it is one consistent snapshot).
 */
export async function stockLedgerMismatches(
  db: SqlExecutor,
  sku: string | null = null,
): Promise<StockLedgerMismatch[]> {
  return (await db.query(CHECK_SQL, [sku])) as StockLedgerMismatch[];
}

/** The operators' view of the ledger check. */
export const stockLedgerService = {
  check(ctx: InventoryContext, sku: string | null): Promise<StockLedgerMismatch[]> {
    return stockLedgerMismatches(ctx.db, sku);
  },
};
