import { returnedRows, type EventTransaction } from '@supply-graph/shared';
import { allocateBackorders } from '../reservation/release.service';
import { lockSkuStock, recordMovements } from '../reservation/reservation.service';
import type { InventoryStrategies } from '../../strategies';

interface ReturnedRow {
  sku: string;
  warehouse_id: string;
  quantity: number;
  presale: boolean;
}

const RETURN_SQL = {
  regular: 'UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now() WHERE sku = $1 AND warehouse_id = $2',
  presale:
    'UPDATE stock_level SET presale_on_hand = presale_on_hand + $3, updated_at = now() ' +
    'WHERE sku = $1 AND warehouse_id = $2',
};

/**
 * A returned order's shipped units go back on the shelf they left (and into
 * the pool they came from), each with a RETURN movement, and are offered to
 * waiting orders at once. `returned_at` marks each allocation, so a second
 * call for the same order changes nothing.
 */
export async function returnForOrder(
  tx: EventTransaction,
  orderId: string,
  reason: string,
  strategies: InventoryStrategies,
): Promise<number> {
  const returned = returnedRows<ReturnedRow>(
    await tx.manager.query(
      `UPDATE allocation SET returned_at = now()
       WHERE order_id = $1 AND shipped_at IS NOT NULL AND returned_at IS NULL
       RETURNING sku, warehouse_id, quantity, presale`,
      [orderId],
    ),
  );
  // Stock rows in the one lock order (sku, warehouse) every writer follows.
  const rows = returned.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse_id.localeCompare(b.warehouse_id));
  if (!rows.length) return 0;
  await lockSkuStock(tx.manager, [...new Set(rows.map((r) => r.sku))]);
  for (const r of rows)
    await tx.manager.query(r.presale ? RETURN_SQL.presale : RETURN_SQL.regular, [r.sku, r.warehouse_id, r.quantity]);
  await recordMovements(
    tx,
    'RETURN',
    orderId,
    rows.map((r) => ({ sku: r.sku, warehouseId: r.warehouse_id, quantity: r.quantity, presale: r.presale })),
    reason,
  );
  await allocateBackorders(tx, [...new Set(rows.map((r) => r.sku))], strategies);
  return rows.length;
}
