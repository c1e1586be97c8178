import {
  IntLimits,
  TextLimits,
  auditTarget,
  badUserInput,
  isUuid,
  notFound,
  returnedRows,
  type EventTransaction,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import { allocateBackorders } from '../../reservation/release.service';
import { TRANSFER_UNITS } from './transfer.input';
import { inTransitOf, TRANSFER_COLUMNS, type TransferRow } from './transfer-row';
import { canApply, closedTransfer, type TransferAction } from './transfer-status';

// The transfer row before any stock row: receipts and cancellations of one transfer take turns, and the second
// finds what the first did.
const LOCK_TRANSFER_SQL = `SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.id = $1 FOR UPDATE`;

// Every level of the SKU, in the one lock order (sku, warehouse): the backorder step after the landing locks them
// all the same way, so it never waits on a row while holding a later one.
const LOCK_LEVELS_SQL = 'SELECT 1 FROM stock_level WHERE sku = $1 ORDER BY sku, warehouse_id FOR UPDATE';

// The level was created when the units were sent; the insert is for a level made before this code existed.
const LAND_SQL = `
  INSERT INTO stock_level AS s (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ($1, $2, $3, 0, 0)
  ON CONFLICT (sku, warehouse_id) DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = now()
    WHERE s.on_hand + EXCLUDED.on_hand <= ${IntLimits.onHand.max}
  RETURNING 1`;

const UPDATE_TRANSFER_SQL = `
  UPDATE stock_transfer t SET received = received + $2, returned = returned + $3, cancel_reason = coalesce($4,
      cancel_reason),
    status = CASE WHEN received + $2 + returned + $3 < quantity THEN 'IN_TRANSIT'
                  WHEN returned + $3 > 0 THEN 'CANCELLED' ELSE 'RECEIVED' END,
    closed_at = CASE WHEN received + $2 + returned + $3 < quantity THEN NULL ELSE now() END,
    updated_at = now()
  WHERE t.id = $1
  RETURNING ${TRANSFER_COLUMNS}`;

const MOVEMENT_SQL = `
  INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, transfer_id)
  VALUES ($1, $2, 'TRANSFER_IN', $3, $4, $5)`;

/**
 * Units of a transfer arrive at its destination: on hand there, a
 * TRANSFER_IN movement, and offered to waiting backorders at once, in one
 * transaction. `quantity` defaults to everything still on the way; fewer
 * leave the transfer IN_TRANSIT for the rest.
 *
 * @throws NOT_FOUND no such transfer
 * @throws CONFLICT the transfer is RECEIVED or CANCELLED (extensions: status, action): a second receipt changes nothing
 * @throws BAD_USER_INPUT quantity out of range or more than is on the way
 */
export function receiveTransfer(ctx: InventoryContext, id: string, quantity: number | null): Promise<TransferRow> {
  if (
    quantity !== null &&
    (!Number.isInteger(quantity) || quantity < TRANSFER_UNITS.min || quantity > TRANSFER_UNITS.max)
  )
    throw badUserInput(`Invalid receipt: quantity must be within ${TRANSFER_UNITS.min}..${TRANSFER_UNITS.max}`, [
      { field: 'quantity', message: `must be within ${TRANSFER_UNITS.min}..${TRANSFER_UNITS.max}` },
    ]);
  return close(ctx, id, 'receive', async (tx, t) => {
    const open = inTransitOf(t);
    const units = quantity ?? open;
    if (units > open) {
      throw badUserInput(`Invalid receipt: ${units} unit(s) received, only ${open} of transfer ${t.id} on the way`, [
        { field: 'quantity', message: `must be at most ${open}, the units still on the way` },
      ]);
    }
    await land(tx, t, t.toWarehouseId, units, `received from transit: ${t.reason}`);
    return { received: units, returned: 0, cancelReason: null };
  });
}

/**
 * Calls off what a transfer still has on the way: those units go back on
 * hand at the source (a TRANSFER_IN movement there) and are offered to its
 * waiting backorders; what already arrived stays. Units lost on the way are
 * cancelled back and then written off with adjustStock at the source.
 *
 * @throws NOT_FOUND no such transfer
 * @throws CONFLICT the transfer is RECEIVED or CANCELLED (extensions: status, action)
 * @throws BAD_USER_INPUT blank or overlong reason
 */
export function cancelTransfer(ctx: InventoryContext, id: string, reason: string): Promise<TransferRow> {
  const why = reason.trim();
  if (!why || why.length > TextLimits.reason)
    throw badUserInput('Invalid cancellation: reason must not be blank', [
      { field: 'reason', message: `must not be blank, at most ${TextLimits.reason} characters` },
    ]);
  return close(ctx, id, 'cancel', async (tx, t) => {
    const open = inTransitOf(t);
    await land(tx, t, t.fromWarehouseId, open, `transfer cancelled, back from transit: ${why}`);
    return { received: 0, returned: open, cancelReason: why };
  });
}

interface Change {
  received: number;
  returned: number;
  cancelReason: string | null;
}

/** Locks the transfer, checks the action is allowed, applies it and records the transfer's new state. */
async function close(
  ctx: InventoryContext,
  id: string,
  action: TransferAction,
  apply: (tx: EventTransaction, t: TransferRow) => Promise<Change>,
): Promise<TransferRow> {
  if (!isUuid(id)) throw notFound('StockTransfer', id);
  auditTarget(ctx, 'StockTransfer', id.toLowerCase());
  const row = await ctx.events.transaction(async (tx) => {
    const [t] = (await tx.manager.query(LOCK_TRANSFER_SQL, [id])) as TransferRow[];
    if (!t) throw notFound('StockTransfer', id);
    if (!canApply(t.status, action)) throw closedTransfer(t.id, t.status, action);
    const change = await apply(tx, t);
    const [updated] = returnedRows<TransferRow>(
      await tx.manager.query(UPDATE_TRANSFER_SQL, [t.id, change.received, change.returned, change.cancelReason]),
    );
    // The landed units go to orders waiting for the SKU, oldest first; this refreshes the SKU's alerts too.
    await allocateBackorders(tx, [t.sku], ctx);
    return updated;
  });
  ctx.loaders.stockLevelsBySku.clear(row.sku);
  ctx.loaders.inTransitBySku.clear(row.sku);
  ctx.loaders.transferById.clear(row.id);
  return row;
}

/** Puts `units` of the transfer on hand at `warehouseId`, with its TRANSFER_IN movement. */
async function land(tx: EventTransaction, t: TransferRow, warehouseId: string, units: number, reason: string) {
  await tx.manager.query(LOCK_LEVELS_SQL, [t.sku]);
  const landed = returnedRows(await tx.manager.query(LAND_SQL, [t.sku, warehouseId, units]));
  if (!landed.length) {
    throw badUserInput(`Invalid receipt: on hand would pass ${IntLimits.onHand.max}`, [
      { field: 'quantity', message: `would bring on-hand past ${IntLimits.onHand.max}` },
    ]);
  }
  await tx.manager.query(MOVEMENT_SQL, [t.sku, warehouseId, units, reason, t.id]);
}
