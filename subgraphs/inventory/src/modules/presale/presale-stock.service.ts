import { badUserInput, conflict, isUuid, notFound, type InputProblem } from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { allocateBackorders } from '../reservation/release.service';
import { MAX_ADJUST_DELTA, MAX_REASON_LENGTH, type AdjustStockInput } from '../stock/stock-adjust.service';
import type { PresaleRow } from './presale-stock.loader';
import type { PresaleStock } from './presale-stock.type';

interface LockedPresale {
  warehouse_id: string;
  presale_on_hand: number;
  presale_reserved: number;
}

const STATE_SQL = `
  SELECT EXISTS (SELECT 1 FROM product WHERE sku = $1) AS product_exists,
         EXISTS (SELECT 1 FROM warehouse WHERE id = $2) AS warehouse_exists`;

// Every stock row of the SKU, in the order reservations lock them, so the
// adjustment and the backorders it lets in never deadlock with a reservation.
const LOCK_SQL =
  'SELECT warehouse_id, presale_on_hand, presale_reserved FROM stock_level ' +
  'WHERE sku = $1 ORDER BY warehouse_id FOR UPDATE';

const UPDATE_SQL =
  'UPDATE stock_level SET presale_on_hand = presale_on_hand + $3, updated_at = now() ' +
  'WHERE sku = $1 AND warehouse_id = $2';

// A first presale delivery to a warehouse that never stocked the SKU; a row created meanwhile is added to.
const INSERT_SQL = `
  INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock, presale_on_hand)
  VALUES ($1, $2, 0, 0, 0, $3)
  ON CONFLICT (sku, warehouse_id) DO UPDATE
    SET presale_on_hand = stock_level.presale_on_hand + EXCLUDED.presale_on_hand, updated_at = now()
    WHERE stock_level.presale_on_hand + EXCLUDED.presale_on_hand >= stock_level.presale_reserved
  RETURNING 1`;

const ROW_SQL = `
  SELECT sku, warehouse_id AS "warehouseId", presale_on_hand AS "onHand", presale_reserved AS reserved,
    updated_at AS "updatedAt"
  FROM stock_level WHERE sku = $1 AND warehouse_id = $2`;

const toPresaleStock = (row: PresaleRow): PresaleStock => ({
  ...row,
  available: Math.max(0, row.onHand - row.reserved),
});

/** Presale stock: units sold ahead, kept apart from regular stock. */
export const presaleStockService = {
  /** A product's presale pools that hold or promise any unit, by warehouse code. */
  async levelsForSku(ctx: InventoryContext, sku: string): Promise<PresaleStock[]> {
    return (await ctx.loaders.presaleStockBySku.load(sku)).map(toPresaleStock);
  },

  /**
   * Adds `delta` to the presale units of a SKU in a warehouse and records an
   * ADJUST movement of the presale pool, in one transaction; units that
   * arrive go to waiting presale lines, oldest order first. Regular stock is
   * never touched.
   *
   * @throws BAD_USER_INPUT delta 0 or out of range, blank or overlong reason (every problem listed)
   * @throws NOT_FOUND unknown product or warehouse
   * @throws CONFLICT presale on-hand would drop below the presale units reserved (extensions: onHand, reserved, delta)
   */
  async adjust(ctx: InventoryContext, input: AdjustStockInput): Promise<PresaleStock> {
    const reason = validate(input);
    if (!isUuid(input.warehouseId)) throw notFound('Warehouse', input.warehouseId);
    const { sku, delta } = input;
    const warehouseId = input.warehouseId.toLowerCase();
    const row = await ctx.events.transaction(async (tx) => {
      const em = tx.manager;
      const [state] = (await em.query(STATE_SQL, [sku, warehouseId])) as {
        product_exists: boolean;
        warehouse_exists: boolean;
      }[];
      if (!state.product_exists) throw notFound('Product', sku);
      if (!state.warehouse_exists) throw notFound('Warehouse', warehouseId);
      const locked = (await em.query(LOCK_SQL, [sku])) as LockedPresale[];
      const current = locked.find((r) => r.warehouse_id === warehouseId);
      const onHand = current?.presale_on_hand ?? 0;
      const reserved = current?.presale_reserved ?? 0;
      if (onHand + delta < reserved) throw tooLow(sku, warehouseId, { onHand, reserved, delta });
      if (current) {
        await em.query(UPDATE_SQL, [sku, warehouseId, delta]);
      } else if (!((await em.query(INSERT_SQL, [sku, warehouseId, delta])) as unknown[]).length) {
        throw tooLow(sku, warehouseId, { onHand, reserved, delta });
      }
      await em.query(
        `INSERT INTO stock_movement (sku, warehouse_id, kind, quantity, reason, presale) VALUES ($1, $2, 'ADJUST', $3,
          $4, true)`,
        [sku, warehouseId, delta, reason],
      );
      if (delta > 0) await allocateBackorders(tx, [sku], ctx);
      const [after] = (await em.query(ROW_SQL, [sku, warehouseId])) as PresaleRow[];
      return after;
    });
    // Anything later in this request must see the new numbers.
    ctx.loaders.presaleStockBySku.clear(sku);
    return toPresaleStock(row);
  },
};

function tooLow(sku: string, warehouseId: string, numbers: { onHand: number; reserved: number; delta: number }) {
  return conflict(
    `Adjusting presale ${sku} in warehouse ${warehouseId} by ${numbers.delta} ` +
      `would leave ${numbers.onHand + numbers.delta} presale units, ` +
      `below the ${numbers.reserved} presale units reserved`,
    numbers,
  );
}

/** Returns the trimmed reason, or throws one BAD_USER_INPUT naming every problem. */
function validate(input: AdjustStockInput): string {
  const problems: InputProblem[] = [];
  if (input.delta === 0) problems.push({ field: 'delta', message: 'must not be 0' });
  else if (Math.abs(input.delta) > MAX_ADJUST_DELTA) {
    problems.push({ field: 'delta', message: `must be between -${MAX_ADJUST_DELTA} and ${MAX_ADJUST_DELTA}` });
  }
  const reason = input.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: 'must not be blank' });
  else if (reason.length > MAX_REASON_LENGTH)
    problems.push({ field: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` });
  if (problems.length) {
    throw badUserInput(
      `Invalid presale stock adjustment: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return reason;
}
