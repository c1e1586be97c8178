import { badUserInput, visibleChannels, type InputProblem } from '@supply-graph/shared';
import type { InventoryContext } from '../../../context';
import type { DemandDay } from './demand.type';

const DAY = 86_400_000;
/** Without `from`, the history covers this many days up to `to`. */
export const DEFAULT_DEMAND_DAYS = 90;
/** The longest range one field may ask for: a year and a bit, enough for a seasonal comparison. */
export const MAX_DEMAND_DAYS = 400;

export interface DemandFilter {
  warehouseId: string | null;
  channel: string | null;
  from: string | null;
  to: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const parseDay = (value: string): number | null => {
  const t = Date.parse(`${value}T00:00:00Z`);
  return ISO_DAY.test(value) && Number.isFinite(t) && new Date(t).toISOString().startsWith(value) ? t : null;
};
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Reads of the demand history. */
export const demandService = {
  /**
   * A product's demand days, oldest first. A channel-scoped caller sees only
   * its channels' demand (a channel's sales are its own business); stock
   * itself stays unscoped.
   */
  async historyForSku(ctx: InventoryContext, sku: string, filter: DemandFilter): Promise<DemandDay[]> {
    const problems: InputProblem[] = [];
    const to = filter.to === null ? Math.floor(Date.now() / DAY) * DAY : parseDay(filter.to);
    if (to === null) problems.push({ field: 'to', message: 'must be a day, YYYY-MM-DD' });
    const from = filter.from === null ? (to ?? 0) - (DEFAULT_DEMAND_DAYS - 1) * DAY : parseDay(filter.from);
    if (from === null) problems.push({ field: 'from', message: 'must be a day, YYYY-MM-DD' });
    if (from !== null && to !== null && (from > to || (to - from) / DAY >= MAX_DEMAND_DAYS))
      problems.push({ field: 'from', message: `must be on or before to, at most ${MAX_DEMAND_DAYS} days before` });
    if (problems.length) throw badUserInput('Invalid demand history range', problems);
    const channels = visibleChannels(ctx.principal, filter.channel === null ? null : [filter.channel]);
    // A warehouse id that is no id names no warehouse: no demand, as for an unknown one.
    if ((channels && !channels.length) || (filter.warehouseId !== null && !UUID.test(filter.warehouseId))) return [];
    return ctx.loaders.demandHistory.load({
      sku,
      warehouseId: filter.warehouseId,
      channels,
      from: dayOf(from!),
      to: dayOf(to!),
    });
  },
};
