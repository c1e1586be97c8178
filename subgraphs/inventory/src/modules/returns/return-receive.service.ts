import {
  AppError,
  EventTypes,
  auditTarget,
  isUuid,
  nextAggregateVersion,
  notFound,
  returnedRows,
  seesChannel,
  type EventTransaction,
  type ReturnReceived,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { RECEIPT_COLUMNS, type ReceiptRow } from './return-receipt-row';
import { canApply, receiptConflict } from './return-status';

const LOCK_SQL = `SELECT ${RECEIPT_COLUMNS} FROM return_receipt r WHERE r.return_id = $1 FOR UPDATE`;

const RECEIVE_SQL = `
  UPDATE return_receipt r SET status = 'RECEIVED', received_at = $2
  WHERE r.return_id = $1 AND r.status = 'ROUTED'
  RETURNING ${RECEIPT_COLUMNS}`;

/**
 * Locks a receipt for a change by this caller: receipts of one return take
 * turns, and the second finds what the first did. NOT_FOUND for no receipt;
 * FORBIDDEN, before anything is written, for another channel's return.
 */
export async function lockReceipt(ctx: InventoryContext, tx: EventTransaction, returnId: string): Promise<ReceiptRow> {
  const [row] = (await tx.manager.query(LOCK_SQL, [returnId])) as ReceiptRow[];
  if (!row) throw notFound('Return', returnId);
  auditTarget(ctx, 'Return', returnId, row.channel);
  if (!seesChannel(ctx.principal, row.channel))
    throw new AppError('FORBIDDEN', 'This caller may not change returns outside its channels', {
      channels: ctx.principal.channels,
    });
  return row;
}

/**
 * The parcel is at the warehouse: ROUTED becomes RECEIVED and
 * `return.received` goes out in the caller's transaction. A receipt already
 * received (or inspected) is left as it is.
 *
 * @returns the received receipt, or null when it was not ROUTED
 */
export async function markReceived(tx: EventTransaction, returnId: string, at: Date): Promise<ReceiptRow | null> {
  const [row] = returnedRows<ReceiptRow>(await tx.manager.query(RECEIVE_SQL, [returnId, at]));
  if (!row) return null;
  const payload: ReturnReceived = {
    returnId: row.returnId,
    orderId: row.orderId,
    warehouseId: row.warehouseId,
    at: at.toISOString(),
  };
  await tx.emit({
    type: EventTypes.returnReceived,
    aggregateType: 'return',
    aggregateId: row.returnId,
    aggregateVersion: await nextAggregateVersion(tx.manager, 'return', row.returnId),
    payload,
  });
  return row;
}

/**
 * A parcel booked in at the dock without a carrier's DELIVERED scan.
 *
 * @throws NOT_FOUND no receipt for the return (unknown, or not yet routed)
 * @throws FORBIDDEN a return of a channel outside the caller's
 * @throws CONFLICT already RECEIVED or INSPECTED (extensions: status, action): a repeat changes nothing
 */
export async function receiveReturn(ctx: InventoryContext, returnId: string): Promise<ReceiptRow> {
  if (!isUuid(returnId)) throw notFound('Return', returnId);
  const id = returnId.toLowerCase();
  auditTarget(ctx, 'Return', id);
  const row = await ctx.events.transaction(async (tx) => {
    const locked = await lockReceipt(ctx, tx, id);
    if (!canApply(locked.status, 'receive')) throw receiptConflict(id, locked.status, 'receive');
    const received = await markReceived(tx, id, new Date());
    if (!received) throw new Error(`return ${id} was ROUTED under lock but not received`);
    return received;
  });
  ctx.loaders.receiptByReturnId.clear(id).prime(id, row);
  return row;
}
