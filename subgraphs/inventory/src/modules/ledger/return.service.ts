import { IntLimits, returnedRows, type EventTransaction } from '@supply-graph/shared';
import { allocateBackorders } from '../reservation/release.service';
import { lockSkuStock, recordMovements, type MovementRow } from '../reservation/reservation.service';
import type { InventoryStrategies } from '../../strategies';

interface ReturnedRow {
  sku: string;
  warehouse_id: string;
  quantity: number;
  presale: boolean;
}

// A returned order's units go back to a level they left, which exists; an inspected return may land where the SKU
// had no level yet (the receiving warehouse stocked only some of its SKUs), so that path inserts one.
const RETURN_SQL = {
  regular: `INSERT INTO stock_level AS s (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ($1, $2, $3, 0, 0)
    ON CONFLICT (sku, warehouse_id) DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = now()
      WHERE s.on_hand + EXCLUDED.on_hand <= ${IntLimits.onHand.max}
    RETURNING 1`,
  presale:
    'UPDATE stock_level SET presale_on_hand = presale_on_hand + $3, updated_at = now() ' +
    'WHERE sku = $1 AND warehouse_id = $2 RETURNING 1',
};

/** Whose units come back: the order, and the return (RMA) when an inspection restocks them. */
export interface RestockSource {
  orderId: string;
  returnId?: string | null;
  reason: string;
}

/**
 * Puts units back on hand (each in its pool), writes their RETURN movements
 * and offers them to waiting orders at once, in the caller's transaction.
 * Stock rows are locked in the one order (sku, warehouse) every writer
 * follows. Shared by an order returned whole (`returnForOrder`) and an
 * inspected return (modules/returns).
 */
export async function restockUnits(
  tx: EventTransaction,
  units: MovementRow[],
  source: RestockSource,
  strategies: InventoryStrategies,
): Promise<void> {
  const rows = units
    .filter((r) => r.quantity > 0)
    .sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouseId.localeCompare(b.warehouseId));
  if (!rows.length) return;
  const skus = [...new Set(rows.map((r) => r.sku))];
  await lockSkuStock(tx.manager, skus);
  for (const r of rows) {
    const done = returnedRows(
      await tx.manager.query(r.presale ? RETURN_SQL.presale : RETURN_SQL.regular, [r.sku, r.warehouseId, r.quantity]),
    );
    if (!done.length) throw new Error(`returned units of ${r.sku} found no stock level at ${r.warehouseId}`);
  }
  await recordMovements(tx, 'RETURN', source.orderId, rows, source.reason, source.returnId ?? null);
  await allocateBackorders(tx, skus, strategies);
}

/**
 * A returned order's shipped units go back on the shelf they left (and into
 * the pool they came from), each with a RETURN movement, and are offered to
 * waiting orders at once. `returned_at` marks each allocation, so a second
 * call for the same order changes nothing.
 *
 * An order with a return (RMA) receipt is left alone: its returns are
 * restocked, unit by unit, when each is inspected (modules/returns), and
 * restocking the whole order here as well would count its units twice.
 */
export async function returnForOrder(
  tx: EventTransaction,
  orderId: string,
  reason: string,
  strategies: InventoryStrategies,
): Promise<number> {
  const rma = await tx.manager.query('SELECT 1 FROM return_receipt WHERE order_id = $1 LIMIT 1', [orderId]);
  if (rma.length) return 0;
  const returned = returnedRows<ReturnedRow>(
    await tx.manager.query(
      `UPDATE allocation SET returned_at = now()
       WHERE order_id = $1 AND shipped_at IS NOT NULL AND returned_at IS NULL
       RETURNING sku, warehouse_id, quantity, presale`,
      [orderId],
    ),
  );
  await restockUnits(
    tx,
    returned.map((r) => ({ sku: r.sku, warehouseId: r.warehouse_id, quantity: r.quantity, presale: r.presale })),
    { orderId, reason },
    strategies,
  );
  return returned.length;
}
