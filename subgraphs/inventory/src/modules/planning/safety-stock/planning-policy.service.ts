import { auditTarget, badUserInput, isUuid, notFound, type InputProblem } from '@supply-graph/shared';
import { PLANNING_LIMITS } from '../../../config';
import type { InventoryContext } from '../../../context';
import { recomputeSafetyStock, type SafetyStockChangeRecord } from './safety-stock-recompute';
import type { PlanningPolicyOverride } from './safety-stock.type';

export interface PlanningPolicyInput {
  warehouseId: string;
  /** One SKU at the warehouse; null: the whole warehouse. */
  sku: string | null;
  leadTimeDays: number | null;
  reviewDays: number | null;
  serviceLevel: number | null;
}

const COLUMNS = `warehouse_id AS "warehouseId", sku, lead_time_days AS "leadTimeDays", review_days AS "reviewDays",
  service_level AS "serviceLevel", updated_at AS "updatedAt"`;

/** Every problem of the figures, each naming its argument. */
export function policyProblems(input: PlanningPolicyInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const whole = (field: 'leadTimeDays' | 'reviewDays', value: number | null) => {
    const { min, max } = PLANNING_LIMITS[field];
    if (value !== null && !(Number.isInteger(value) && value >= min && value <= max))
      problems.push({ field, message: `must be a whole number of days, ${min}..${max} (got ${value})` });
  };
  whole('leadTimeDays', input.leadTimeDays);
  whole('reviewDays', input.reviewDays);
  const { min, max } = PLANNING_LIMITS.serviceLevel;
  const level = input.serviceLevel;
  if (level !== null && !(Number.isFinite(level) && level >= min && level <= max))
    problems.push({ field: 'serviceLevel', message: `must be between ${min} and ${max}, e.g. 0.95 (got ${level})` });
  return problems;
}

/** Operators' overrides of the configured lead time, review period and service level. */
export const planningPolicyService = {
  /** The overrides of one warehouse (or all), the warehouse's own first, then by SKU. */
  async list(ctx: InventoryContext, warehouseId: string | null): Promise<PlanningPolicyOverride[]> {
    if (warehouseId !== null && !isUuid(warehouseId)) return [];
    return (await ctx.db.query(
      `SELECT ${COLUMNS} FROM planning_policy WHERE $1::uuid IS NULL OR warehouse_id = $1
       ORDER BY warehouse_id, sku NULLS FIRST`,
      [warehouseId],
    )) as PlanningPolicyOverride[];
  },

  /**
   * Stores the override of a warehouse, or of one SKU there, as given (null
   * figures inherit; all null removes it), then recomputes the safety stock
   * of every level it reaches under the new policy.
   *
   * @throws BAD_USER_INPUT a figure out of its bounds (every problem listed)
   * @throws NOT_FOUND unknown warehouse or product
   */
  async set(
    ctx: InventoryContext,
    input: PlanningPolicyInput,
  ): Promise<{ policy: PlanningPolicyOverride | null; changes: SafetyStockChangeRecord[] }> {
    const problems = policyProblems(input);
    if (problems.length)
      throw badUserInput(
        `Invalid planning policy: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        problems,
      );
    if (!isUuid(input.warehouseId)) throw notFound('Warehouse', input.warehouseId);
    const warehouseId = input.warehouseId.toLowerCase();
    const sku = input.sku?.trim() || null;
    const [found] = (await ctx.db.query(
      `SELECT EXISTS (SELECT 1 FROM warehouse WHERE id = $1) AS warehouse,
              $2::text IS NULL OR EXISTS (SELECT 1 FROM product WHERE sku = $2) AS product`,
      [warehouseId, sku],
    )) as { warehouse: boolean; product: boolean }[];
    if (!found.warehouse) throw notFound('Warehouse', warehouseId);
    if (!found.product) throw notFound('Product', sku!);
    const cleared = input.leadTimeDays === null && input.reviewDays === null && input.serviceLevel === null;
    const policy = await ctx.events.transaction(async (tx) => {
      auditTarget(ctx, sku ? 'Product' : 'Warehouse', sku ?? warehouseId);
      if (cleared) {
        await tx.manager.query(
          'DELETE FROM planning_policy WHERE warehouse_id = $1 AND sku IS NOT DISTINCT FROM $2::text',
          [warehouseId, sku],
        );
        return null;
      }
      const [row] = (await tx.manager.query(
        `INSERT INTO planning_policy (warehouse_id, sku, lead_time_days, review_days, service_level)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (warehouse_id, sku) DO UPDATE SET lead_time_days = EXCLUDED.lead_time_days,
           review_days = EXCLUDED.review_days, service_level = EXCLUDED.service_level, updated_at = now()
         RETURNING ${COLUMNS}`,
        [warehouseId, sku, input.leadTimeDays, input.reviewDays, input.serviceLevel],
      )) as PlanningPolicyOverride[];
      return row;
    });
    // A warehouse-wide policy reaches every SKU stocked there.
    const changes = await recomputeSafetyStock(ctx, {
      skus: sku ? [sku] : undefined,
      warehouseId,
      reason: 'planning policy changed',
    });
    // Anything later in this request must see the new numbers.
    ctx.loaders.stockLevelsBySku.clearAll();
    ctx.loaders.planningTargets.clearAll();
    return { policy, changes };
  },
};
