import {
  EventTypes,
  auditTarget,
  isUuid,
  nextAggregateVersion,
  notFound,
  returnedRows,
  type EventTransaction,
  type ReturnInspected,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { restockUnits } from '../ledger/return.service';
import type { InspectReturnInput } from './return-inspect.input';
import { judgeLines, type JudgedLine } from './return-inspection.validation';
import { RECEIPT_COLUMNS, type ReceiptRow } from './return-receipt-row';
import { lockReceipt } from './return-receive.service';
import { canApply, receiptConflict } from './return-status';

const INSPECTED_SQL = `
  UPDATE return_receipt r SET status = 'INSPECTED', inspected_at = now(), lines = $2::jsonb
  WHERE r.return_id = $1
  RETURNING ${RECEIPT_COLUMNS}`;

// The order's allocations, locked: an order returned whole through its status (ledger.consumer) marks them
// returned_at, and its units are then on hand already.
const RESTOCKED_BEFORE_SQL = `
  SELECT DISTINCT sku FROM (
    SELECT sku, returned_at FROM allocation WHERE order_id = $1 AND sku = ANY($2::text[]) FOR UPDATE
  ) a WHERE returned_at IS NOT NULL`;

/**
 * Judges a received return's units, in one transaction with `return.inspected`:
 * restocked units go on hand at the receiving warehouse (RETURN movements
 * tied to the return) and are offered to waiting orders at once; refurbished
 * and scrapped units are recorded on the receipt only. Units of a SKU the
 * order already had put back whole (its status became RETURNED before it had
 * a return) are on hand already and are not counted again.
 *
 * @throws NOT_FOUND no receipt for the return
 * @throws FORBIDDEN a return of a channel outside the caller's
 * @throws CONFLICT not RECEIVED (still on its way, or already INSPECTED; extensions: status, action)
 * @throws BAD_USER_INPUT every problem of the lines at once
 */
export async function inspectReturn(ctx: InventoryContext, input: InspectReturnInput): Promise<ReceiptRow> {
  if (!isUuid(input.returnId)) throw notFound('Return', input.returnId);
  const id = input.returnId.toLowerCase();
  auditTarget(ctx, 'Return', id);
  const row = await ctx.events.transaction(async (tx) => {
    const receipt = await lockReceipt(ctx, tx, id);
    if (!canApply(receipt.status, 'inspect')) throw receiptConflict(id, receipt.status, 'inspect');
    const lines = judgeLines(receipt.lines, input.lines);
    await restock(ctx, tx, receipt, lines);
    const [updated] = returnedRows<ReceiptRow>(await tx.manager.query(INSPECTED_SQL, [id, JSON.stringify(lines)]));
    await announce(tx, updated, lines);
    return updated;
  });
  for (const sku of new Set(row.lines.map((l) => l.sku))) ctx.loaders.stockLevelsBySku.clear(sku);
  ctx.loaders.receiptByReturnId.clear(id).prime(id, row);
  return row;
}

async function restock(ctx: InventoryContext, tx: EventTransaction, receipt: ReceiptRow, lines: JudgedLine[]) {
  const skus = [...new Set(lines.filter((l) => l.restocked > 0).map((l) => l.sku))].sort();
  if (!skus.length) return;
  const before = new Set(
    ((await tx.manager.query(RESTOCKED_BEFORE_SQL, [receipt.orderId, skus])) as { sku: string }[]).map((r) => r.sku),
  );
  const units = new Map<string, number>();
  for (const l of lines)
    if (l.restocked > 0 && !before.has(l.sku)) units.set(l.sku, (units.get(l.sku) ?? 0) + l.restocked);
  await restockUnits(
    tx,
    [...units].map(([sku, quantity]) => ({ sku, warehouseId: receipt.warehouseId, quantity })),
    { orderId: receipt.orderId, returnId: receipt.returnId, reason: `return ${receipt.returnId} inspected: restocked` },
    ctx,
  );
}

async function announce(tx: EventTransaction, row: ReceiptRow, lines: JudgedLine[]) {
  const payload: ReturnInspected = {
    returnId: row.returnId,
    orderId: row.orderId,
    warehouseId: row.warehouseId,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      restocked: l.restocked,
      refurbished: l.refurbished,
      scrapped: l.scrapped,
    })),
    at: (row.inspectedAt ?? new Date()).toISOString(),
  };
  await tx.emit({
    type: EventTypes.returnInspected,
    aggregateType: 'return',
    aggregateId: row.returnId,
    aggregateVersion: await nextAggregateVersion(tx.manager, 'return', row.returnId),
    payload,
  });
}
