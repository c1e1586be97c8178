import { AppError, badUserInput } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import { byUrgency, planReplenishment, type ReplenishmentPlan } from './replenishment-plan';
import { readPlanInputs } from './replenishment-reads';
import { toCsv } from './replenishment-csv';

/** Days ahead a suggestion looks for the reorder point when the caller does not say. */
export const DEFAULT_HORIZON_DAYS = 30;
/** The longest horizon: as far as forecasts reach. */
export const MAX_HORIZON_DAYS = 90;
/** The most suggestions one call may ask for with `first`; without `first`, every suggestion comes. */
export const MAX_SUGGESTIONS = 1_000;

export interface ReplenishmentFilter {
  warehouseId: string | null;
  sku: string | null;
  horizonDays: number | null;
  first: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 86_400_000;

/** Replenishment suggestions: what to order (or produce) per stock level, how much and by when. */
export const replenishmentService = {
  /**
   * Suggestions for the stock levels the filter matches, most urgent first
   * (the rule: `replenishment-plan.ts`). Planned demand is every channel's, so
   * a caller limited to channels may not see it.
   */
  async suggestions(ctx: InventoryContext, filter: ReplenishmentFilter): Promise<ReplenishmentPlan[]> {
    if (ctx.principal.channels !== null)
      throw new AppError(
        'FORBIDDEN',
        "Replenishment plans from every channel's demand: a caller limited to channels may not see it",
      );
    if (filter.warehouseId !== null && !UUID.test(filter.warehouseId))
      throw badUserInput('Invalid arguments: warehouseId: must be a warehouse id', [
        { field: 'warehouseId', message: 'must be a warehouse id' },
      ]);
    const today = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString().slice(0, 10);
    const inputs = await readPlanInputs(ctx.db, filter, today, filter.horizonDays ?? DEFAULT_HORIZON_DAYS);
    const plans = inputs.map(planReplenishment).filter((p): p is ReplenishmentPlan => p !== null);
    plans.sort(byUrgency);
    return filter.first === null ? plans : plans.slice(0, filter.first);
  },

  /** The same suggestions as CSV text with a header row, one row per suggestion, its inputs as columns. */
  async csv(ctx: InventoryContext, filter: ReplenishmentFilter): Promise<string> {
    const plans = await this.suggestions(ctx, filter);
    const [warehouses, products] = await Promise.all([
      ctx.loaders.warehouseById.loadMany([...new Set(plans.map((p) => p.warehouseId))]),
      ctx.loaders.productBySku.loadMany([...new Set(plans.map((p) => p.sku))]),
    ]);
    const codes = new Map<string, string>();
    for (const w of warehouses) if (w && !(w instanceof Error)) codes.set(w.id, w.code);
    const names = new Map<string, string>();
    for (const p of products) if (p && !(p instanceof Error)) names.set(p.sku, p.name);
    return toCsv(plans, (p) => ({
      productName: names.get(p.sku) ?? '',
      warehouseCode: codes.get(p.warehouseId) ?? '',
    }));
  },
};
