import { randomUUID } from 'node:crypto';
import {
  TextLimits,
  affectedRows,
  auditTarget,
  badUserInput,
  conflict,
  isUuid,
  notFound,
  returnedRows,
  type InputProblem,
} from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import type { InventoryContext } from '../../../context';
import { refreshStockAlerts } from '../../alerts/refresh-stock-alerts';
import { TRANSFER_UNITS } from './transfer.input';
import { TRANSFER_COLUMNS, type TransferRow } from './transfer-row';

export interface TransferStockRequest {
  sku: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  reason: string;
  reference?: string | null;
  allowBelowSafetyStock?: boolean | null;
}

interface LockedLevel {
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
}

const STATE_SQL = `
  SELECT EXISTS (SELECT 1 FROM product WHERE sku = $1) AS product,
         (SELECT code FROM warehouse WHERE id = $2) AS "from",
         (SELECT code FROM warehouse WHERE id = $3) AS "to"`;

// First, before any stock row: a concurrent send with the same reference waits here on the unique index and then
// finds this one, so one reference never moves stock twice.
const INSERT_SQL = `
  INSERT INTO stock_transfer AS t (id, sku, from_warehouse_id, to_warehouse_id, quantity, status, reason, reference,
    below_safety_stock)
  VALUES ($1, $2, $3, $4, $5, 'IN_TRANSIT', $6, $7, $8)
  ON CONFLICT (reference) DO NOTHING
  RETURNING ${TRANSFER_COLUMNS}`;

// The destination's level exists from now on, so it can show the units on their way.
const DESTINATION_SQL = `
  INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES ($1, $2, 0, 0, 0)
  ON CONFLICT (sku, warehouse_id) DO NOTHING`;

// Both levels in the one lock order every stock writer follows (sku, warehouse): two transfers in opposite
// directions, or a transfer and a reservation, wait for each other instead of deadlocking.
const LOCK_SQL = `
  SELECT warehouse_id, on_hand, reserved, safety_stock FROM stock_level
  WHERE sku = $1 AND warehouse_id = ANY($2::uuid[]) ORDER BY sku, warehouse_id FOR UPDATE`;

// The guard is in the statement too: reserved units never leave, and the safety stock only when allowed.
const TAKE_SQL = `
  UPDATE stock_level SET on_hand = on_hand - $3, updated_at = now()
  WHERE sku = $1 AND warehouse_id = $2 AND on_hand - reserved - CASE WHEN $4 THEN 0 ELSE safety_stock END >= $3`;

const MOVEMENT_SQL = `
  INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, transfer_id)
  VALUES ($1, $2, 'TRANSFER_OUT', $3, $4, $5)`;

/**
 * Sends units from one warehouse to another, in one transaction: they leave
 * the source's on-hand stock (never reserved units; safety stock only when
 * allowed) with a TRANSFER_OUT movement, and are in transit until received.
 *
 * @throws BAD_USER_INPUT every problem of the input, each naming its field
 * @throws NOT_FOUND unknown product or warehouse
 * @throws CONFLICT the source cannot spare the units (extensions: available, requested); a reference used by a
 *   transfer with other figures
 */
export async function sendTransfer(ctx: InventoryContext, input: TransferStockRequest): Promise<TransferRow> {
  const valid = validate(input);
  for (const field of ['fromWarehouseId', 'toWarehouseId'] as const)
    if (!isUuid(input[field])) throw notFound('Warehouse', input[field]);
  const row = await ctx.events.transaction(async (tx) => {
    const em = tx.manager;
    const [state] = (await em.query(STATE_SQL, [valid.sku, valid.fromWarehouseId, valid.toWarehouseId])) as {
      product: boolean;
      from: string | null;
      to: string | null;
    }[];
    if (!state.product) throw notFound('Product', valid.sku);
    if (!state.from) throw notFound('Warehouse', input.fromWarehouseId);
    if (!state.to) throw notFound('Warehouse', input.toWarehouseId);
    const id = randomUUID();
    const [inserted] = returnedRows<TransferRow>(
      await em.query(INSERT_SQL, [
        id,
        valid.sku,
        valid.fromWarehouseId,
        valid.toWarehouseId,
        valid.quantity,
        valid.reason,
        valid.reference,
        valid.allowBelowSafetyStock,
      ]),
    );
    if (!inserted) {
      const existing = await replay(em, valid);
      auditTarget(ctx, 'StockTransfer', existing.id);
      return existing;
    }
    auditTarget(ctx, 'StockTransfer', id);
    await em.query(DESTINATION_SQL, [valid.sku, valid.toWarehouseId]);
    await takeFromSource(em, valid, state.from);
    await em.query(MOVEMENT_SQL, [valid.sku, valid.fromWarehouseId, -valid.quantity, valid.reason, id]);
    // Less stock at the source may cross its alert line.
    await refreshStockAlerts(em, [valid.sku]);
    return inserted;
  });
  // Anything later in this request must see the new numbers.
  ctx.loaders.stockLevelsBySku.clear(row.sku);
  ctx.loaders.inTransitBySku.clear(row.sku);
  return row;
}

interface ValidRequest {
  sku: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  reason: string;
  reference: string | null;
  allowBelowSafetyStock: boolean;
}

/** The request trimmed and normalised, or one BAD_USER_INPUT naming every problem. */
function validate(input: TransferStockRequest): ValidRequest {
  const problems: InputProblem[] = [];
  const sku = input.sku.trim();
  if (!sku) problems.push({ field: 'sku', message: 'must not be blank' });
  const from = input.fromWarehouseId.trim().toLowerCase();
  const to = input.toWarehouseId.trim().toLowerCase();
  if (from && from === to) problems.push({ field: 'toWarehouseId', message: 'must not be the source warehouse' });
  if (!Number.isInteger(input.quantity) || input.quantity < TRANSFER_UNITS.min || input.quantity > TRANSFER_UNITS.max)
    problems.push({ field: 'quantity', message: `must be within ${TRANSFER_UNITS.min}..${TRANSFER_UNITS.max}` });
  const reason = input.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: 'must not be blank' });
  else if (reason.length > TextLimits.reason)
    problems.push({ field: 'reason', message: `must be at most ${TextLimits.reason} characters` });
  const reference = input.reference?.trim() || null;
  if (input.reference != null && !reference) problems.push({ field: 'reference', message: 'must not be blank' });
  if (problems.length) {
    throw badUserInput(`Invalid transfer: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
  return {
    sku,
    fromWarehouseId: from,
    toWarehouseId: to,
    quantity: input.quantity,
    reason,
    reference,
    allowBelowSafetyStock: input.allowBelowSafetyStock === true,
  };
}

/** Takes the units off the source under the level locks, or says what it can spare. */
async function takeFromSource(em: EntityManager, t: ValidRequest, sourceCode: string): Promise<void> {
  const levels = (await em.query(LOCK_SQL, [t.sku, [t.fromWarehouseId, t.toWarehouseId]])) as LockedLevel[];
  const source = levels.find((l) => l.warehouse_id === t.fromWarehouseId);
  const kept = t.allowBelowSafetyStock ? 0 : (source?.safety_stock ?? 0);
  const available = source ? Math.max(0, source.on_hand - source.reserved - kept) : 0;
  if (t.quantity > available) {
    const figures = source
      ? `on hand ${source.on_hand}, reserved ${source.reserved}` +
        (t.allowBelowSafetyStock ? '' : `, safety stock ${source.safety_stock}`)
      : 'no stock level';
    throw conflict(`${sourceCode} can spare ${available} unit(s) of ${t.sku} (${figures}), not ${t.quantity}`, {
      available,
      requested: t.quantity,
      onHand: source?.on_hand ?? 0,
      reserved: source?.reserved ?? 0,
      safetyStock: source?.safety_stock ?? 0,
    });
  }
  const taken = await em.query(TAKE_SQL, [t.sku, t.fromWarehouseId, t.quantity, t.allowBelowSafetyStock]);
  // Cannot happen under the row lock above; if it ever does, roll everything back.
  if (affectedRows(taken) !== 1) throw new Error(`stock for ${t.sku} at ${t.fromWarehouseId} changed under a lock`);
}

/** A send repeated with its reference: the transfer it made, if the figures are the same. */
async function replay(em: EntityManager, t: ValidRequest): Promise<TransferRow> {
  const [existing] = (await em.query(`SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.reference = $1`, [
    t.reference,
  ])) as TransferRow[];
  const same =
    existing.sku === t.sku &&
    existing.fromWarehouseId === t.fromWarehouseId &&
    existing.toWarehouseId === t.toWarehouseId &&
    existing.quantity === t.quantity;
  if (!same) {
    throw conflict(
      `Transfer reference ${t.reference} is taken by transfer ${existing.id} (${existing.quantity} x ` +
        `${existing.sku}) with other figures`,
      { transferId: existing.id, reference: t.reference },
    );
  }
  return existing;
}
