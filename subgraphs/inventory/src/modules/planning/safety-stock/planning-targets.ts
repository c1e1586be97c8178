import type { Queryable } from '@supply-graph/shared';
import { pairKey, type StockPair } from '../forecast/forecast-store';

/** What a stock level should hold, per SKU x warehouse: the figures replenishment and transfers plan against. */
export interface PlanningTargets {
  /** Units kept back as a buffer: the level's safety stock now. */
  safetyStock: number;
  /** Order more when on hand less reserved plus inbound falls to this: demand over the lead time plus safety stock. */
  reorderPoint: number;
  /** Days from ordering (or producing) to units on the shelf. */
  leadTimeDays: number;
  /** Days between two looks at the level: an order covers the lead time and this. */
  reviewDays: number;
}

const DEFAULT_LEAD_TIME_DAYS = 7;
const DEFAULT_REVIEW_DAYS = 7;

/**
 * The targets of each pair (`pairKey`); a pair without a stock level is absent.
 *
 * TODO(issue 13, dynamic safety stock): lead times and the dynamic safety stock are not there yet: this reads the
 * fixed safety stock and puts the reorder point at it plus a week of the fitted mean demand.
 */
export async function planningTargets(
  db: Queryable,
  pairs: readonly StockPair[],
): Promise<Map<string, PlanningTargets>> {
  if (!pairs.length) return new Map();
  const rows = (await db.query(
    `SELECT s.sku, s.warehouse_id AS "warehouseId", s.safety_stock AS "safetyStock", f.mean_daily AS "meanDaily"
     FROM stock_level s JOIN unnest($1::text[], $2::uuid[]) AS p(sku, warehouse_id) USING (sku, warehouse_id)
     LEFT JOIN forecast_fit f USING (sku, warehouse_id)`,
    [pairs.map((p) => p.sku), pairs.map((p) => p.warehouseId)],
  )) as (StockPair & { safetyStock: number; meanDaily: number | null })[];
  return new Map(
    rows.map((r) => [
      pairKey(r),
      {
        safetyStock: r.safetyStock,
        reorderPoint: r.safetyStock + Math.ceil((r.meanDaily ?? 0) * DEFAULT_LEAD_TIME_DAYS),
        leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
        reviewDays: DEFAULT_REVIEW_DAYS,
      },
    ]),
  );
}
