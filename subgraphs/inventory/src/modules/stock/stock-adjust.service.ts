import {
  IntLimits,
  TextLimits,
  auditTarget,
  badUserInput,
  conflict,
  notFound,
  returnedRows,
  type InputProblem,
} from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import type { InventoryContext } from '../../context';
import { isUuid } from '@supply-graph/shared';
import { toStockLevel, type RegularStock } from './stock-level.service';
import type { StockLevel } from './stock-level.type';
import { refreshStockAlerts } from '../alerts/refresh-stock-alerts';
import { allocateBackorders } from '../reservation/release.service';
import { lockSkuStock } from '../reservation/reservation.service';

export interface AdjustStockInput {
  sku: string;
  warehouseId: string;
  /** Signed change of on-hand units. */
  delta: number;
  reason: string;
}

/** One adjustment this large is a typo, not a stock count; it also keeps on_hand far from int4 overflow. */
export const MAX_ADJUST_DELTA = IntLimits.stockDelta.max;
export const MAX_REASON_LENGTH = TextLimits.reason;
// A row that fits again after a concurrent change is retried; after this many tries the caller gets CONFLICT.
const MAX_ATTEMPTS = 3;

interface StockRow {
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
  updated_at: Date;
}

interface StockState {
  product_exists: boolean;
  warehouse_exists: boolean;
  on_hand: number | null;
  reserved: number | null;
}

const RETURNING = 'RETURNING sku, warehouse_id, on_hand, reserved, safety_stock, updated_at';

// The guard lives in the statement itself: no read-then-write window for a
// concurrent reservation to slip through.
const UPDATE_SQL = `
  UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now()
  WHERE sku = $1 AND warehouse_id = $2 AND on_hand + $3 >= reserved AND on_hand + $3 <= ${IntLimits.onHand.max}
  ${RETURNING}`;

const STATE_SQL = `
  SELECT EXISTS (SELECT 1 FROM product WHERE sku = $1) AS product_exists,
         EXISTS (SELECT 1 FROM warehouse WHERE id = $2) AS warehouse_exists,
         s.on_hand, s.reserved
  FROM (SELECT 1) AS one
  LEFT JOIN stock_level s ON s.sku = $1 AND s.warehouse_id = $2`;

// Another request may create the row between our UPDATE and this INSERT; then it adds to that row.
const UPSERT_SQL = `
  INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock)
  VALUES ($1, $2, $3, 0, 0)
  ON CONFLICT (sku, warehouse_id) DO UPDATE
    SET on_hand = stock_level.on_hand + EXCLUDED.on_hand, updated_at = now()
    WHERE stock_level.on_hand + EXCLUDED.on_hand >= stock_level.reserved
  ${RETURNING}`;

const CURRENT_SQL = `
  SELECT sku, warehouse_id, on_hand, reserved, safety_stock, updated_at FROM stock_level
  WHERE sku = $1 AND warehouse_id = $2`;

const MOVEMENT_SQL = `
  INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason)
  VALUES ($1, $2, 'ADJUST', $3, $4)`;

/** Operator corrections of on-hand stock (counts, damage, found units), each one recorded in the ledger. */
export const stockAdjustService = {
  /**
   * Adds `delta` to on-hand stock of a SKU in a warehouse and records an ADJUST
   * movement, in one transaction. Creates the stock level on a first positive
   * adjustment.
   *
   * @throws BAD_USER_INPUT delta 0 or out of range, blank or overlong reason (every problem listed)
   * @throws NOT_FOUND unknown product or warehouse
   * @throws CONFLICT on-hand would drop below reserved units (extensions: onHand, reserved)
   */
  async adjust(ctx: InventoryContext, input: AdjustStockInput): Promise<StockLevel> {
    const reason = validate(input);
    if (!isUuid(input.warehouseId)) throw notFound('Warehouse', input.warehouseId);
    const warehouseId = input.warehouseId.toLowerCase();
    const row = await ctx.events.transaction(async (tx) => {
      const em = tx.manager;
      auditTarget(ctx, 'Product', input.sku);
      // Stock that arrives is offered to waiting orders, which locks every warehouse's row of the SKU.
      if (input.delta > 0) await lockSkuStock(em, [input.sku]);
      const level = await applyDelta(em, input.sku, warehouseId, input.delta);
      await em.query(MOVEMENT_SQL, [input.sku, warehouseId, input.delta, reason]);
      // Stock arrived: orders waiting for this SKU take it (channel priority, then age) in this same transaction.
      // Less stock may cross an alert line; more stock is checked by the backorder step.
      if (input.delta < 0) await refreshStockAlerts(em, [input.sku]);
      if (input.delta > 0 && (await allocateBackorders(tx, [input.sku], ctx)) > 0) {
        const [after] = returnedRows<StockRow>(await em.query(CURRENT_SQL, [input.sku, warehouseId]));
        return after;
      }
      return level;
    });
    // Anything later in this request must see the new numbers.
    ctx.loaders.stockLevelsBySku.clear(input.sku);
    return toStockLevel(toEntity(row));
  },
};

/** Returns the trimmed reason, or throws one BAD_USER_INPUT naming every problem. */
function validate(input: AdjustStockInput): string {
  const problems: InputProblem[] = [];
  if (input.delta === 0) {
    problems.push({ field: 'delta', message: 'must not be 0' });
  } else if (Math.abs(input.delta) > MAX_ADJUST_DELTA) {
    problems.push({ field: 'delta', message: `must be between -${MAX_ADJUST_DELTA} and ${MAX_ADJUST_DELTA}` });
  }
  const reason = input.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: 'must not be blank' });
  else if (reason.length > MAX_REASON_LENGTH) {
    problems.push({ field: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` });
  }
  if (problems.length) {
    const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
    throw badUserInput(`Invalid stock adjustment: ${summary}`, problems);
  }
  return reason;
}

async function applyDelta(em: EntityManager, sku: string, warehouseId: string, delta: number): Promise<StockRow> {
  for (let attempt = 1; ; attempt++) {
    const [updated] = returnedRows<StockRow>(await em.query(UPDATE_SQL, [sku, warehouseId, delta]));
    if (updated) return updated;
    const [state] = returnedRows<StockState>(await em.query(STATE_SQL, [sku, warehouseId]));
    if (!state.product_exists) throw notFound('Product', sku);
    if (!state.warehouse_exists) throw notFound('Warehouse', warehouseId);
    const onHand = state.on_hand ?? 0;
    const reserved = state.reserved ?? 0;
    // Many large corrections must not overflow the 32-bit column (an INTERNAL "integer out of range").
    if (onHand + delta > IntLimits.onHand.max) {
      throw badUserInput(
        `Invalid stock adjustment: delta would bring on-hand to ${onHand + delta}, at most ${IntLimits.onHand.max}`,
        [{ field: 'delta', message: `would bring on-hand to ${onHand + delta}, at most ${IntLimits.onHand.max}` }],
      );
    }
    const fits = onHand + delta >= reserved;
    if (state.on_hand === null && fits) {
      const [inserted] = returnedRows<StockRow>(await em.query(UPSERT_SQL, [sku, warehouseId, delta]));
      if (inserted) return inserted;
    } else if (!fits || attempt >= MAX_ATTEMPTS) {
      throw conflict(
        `Adjusting ${sku} in warehouse ${warehouseId} by ${delta} would leave ${onHand + delta} on hand, ` +
          `below the ${reserved} units reserved`,
        { onHand, reserved, delta },
      );
    }
    // The row changed between our statements (created, or now fits): try the guarded update again.
  }
}

function toEntity(row: StockRow): RegularStock {
  return {
    sku: row.sku,
    warehouseId: row.warehouse_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    safetyStock: row.safety_stock,
    updatedAt: row.updated_at,
  };
}
