import { badUserInput, isUuid, visibleChannels, type InputProblem } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import { warehouseService } from '../../warehouse/warehouse.service';
import { emptyKpi, readKpis } from './read-kpis';
import type { PlanningKpi } from './planning-kpi.type';

const DAY = 86_400_000;
/** The longest range one KPI read covers: a year, leap day included. */
export const MAX_KPI_DAYS = 366;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const parseDay = (value: string): number | null => {
  const t = Date.parse(`${value}T00:00:00Z`);
  return ISO_DAY.test(value) && Number.isFinite(t) && new Date(t).toISOString().startsWith(value) ? t : null;
};

/** A checked range of UTC days, both ends included. */
export interface KpiRange {
  from: string;
  to: string;
  days: number;
}

/**
 * The range, or BAD_USER_INPUT naming every problem: both ends real days
 * (YYYY-MM-DD), from on or before to, to not after today (UTC): the ledger
 * has no tomorrow, at most MAX_KPI_DAYS days.
 */
export function kpiRange(from: string, to: string, now = Date.now()): KpiRange {
  const problems: InputProblem[] = [];
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null) problems.push({ field: 'from', message: 'must be a day, YYYY-MM-DD' });
  if (end === null) problems.push({ field: 'to', message: 'must be a day, YYYY-MM-DD' });
  else if (end > Math.floor(now / DAY) * DAY) problems.push({ field: 'to', message: 'must not be after today (UTC)' });
  const days = start !== null && end !== null ? (end - start) / DAY + 1 : 0;
  if (start !== null && end !== null && days < 1) problems.push({ field: 'from', message: 'must be on or before to' });
  else if (days > MAX_KPI_DAYS)
    problems.push({ field: 'from', message: `the range may span at most ${MAX_KPI_DAYS} days` });
  if (problems.length)
    throw badUserInput(`Invalid KPI range: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  return { from, to, days };
}

/** The channels the demand figures count: the caller's, narrowed to the one asked for. */
const channelsFor = (ctx: InventoryContext, channel: string | null) =>
  visibleChannels(ctx.principal, channel === null ? null : [channel.trim().toLowerCase()]);

/** Planning KPIs: turnover, stock-outs and forecast accuracy; the definitions are in `PlanningKpi`'s descriptions. */
export const planningKpiService = {
  /** One entry per warehouse, by code, then the whole network (warehouseId null). */
  async byWarehouse(ctx: InventoryContext, from: string, to: string, channel: string | null): Promise<PlanningKpi[]> {
    const range = kpiRange(from, to);
    const query = {
      by: 'warehouse' as const,
      skus: null,
      warehouseId: null,
      channels: channelsFor(ctx, channel),
      ...range,
    };
    const [warehouses, figures] = await Promise.all([warehouseService.list(ctx), readKpis(ctx.db, query)]);
    const rows = warehouses.map((w) => figures.byKey.get(w.id) ?? emptyKpi(query, { sku: null, warehouseId: w.id }));
    return [...rows, figures.total];
  },

  /** One product's figures, at one warehouse or all, through the request's loader. */
  forProduct(
    ctx: InventoryContext,
    sku: string,
    args: { from: string; to: string; warehouseId: string | null; channel: string | null },
  ): Promise<PlanningKpi> {
    const range = kpiRange(args.from, args.to);
    const channels = channelsFor(ctx, args.channel);
    // A warehouse id that is no id names no warehouse: nothing to count, as for an unknown one.
    if (args.warehouseId !== null && !isUuid(args.warehouseId)) {
      const query = { by: 'sku' as const, skus: [sku], warehouseId: args.warehouseId, channels, ...range };
      return Promise.resolve(emptyKpi(query, { sku, warehouseId: args.warehouseId }));
    }
    const warehouseId = args.warehouseId?.toLowerCase() ?? null;
    return ctx.loaders.productKpi.load({ sku, warehouseId, channels, ...range });
  },
};
