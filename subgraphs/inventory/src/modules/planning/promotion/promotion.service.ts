import { randomUUID } from 'node:crypto';
import {
  AppError,
  auditTarget,
  badUserInput,
  isUuid,
  notFound,
  returnedRows,
  visibleChannels,
  type InputProblem,
  type Principal,
  type Queryable,
} from '@supply-graph/shared';
import { recomputeSafetyStock } from '../safety-stock/safety-stock-recompute';
import type { InventoryContext } from '../../../context';
import type { PromotionMeasurement } from './promotion-measure';
import { PROMOTION_COLUMNS, PROMOTION_FILTER, toPromotion, type PromotionRow } from './promotion-rows';
import type { PlanPromotionInput } from './promotion.input';
import type { Promotion, PromotionStatus } from './promotion.type';
import { dayOf, todayUtc, validatePromotion, type ValidPromotion } from './promotion.validation';

/** What a promotions read asks for; every condition given must hold. */
export interface PromotionFilter {
  status: PromotionStatus | null;
  sku: string | null;
  channel: string | null;
  first: number;
}

const INSERT_SQL = `
  INSERT INTO promotion AS p (id, name, channels, skus, starts_on, ends_on, uplift, planned_by)
  VALUES ($1, $2, $3::text[], $4::text[], $5::date, $6::date, $7, $8)
  RETURNING ${PROMOTION_COLUMNS}`;

/** Planned promotions: plan, cancel, list. Their effect on forecasts is `plannedUplift`'s. */
export const promotionService = {
  /**
   * Promotions the caller sees, newest window first: of one status (else all
   * but cancelled ones), covering a SKU (by name or as the whole catalogue),
   * running on a channel (or on every channel).
   */
  async list(ctx: InventoryContext, filter: PromotionFilter): Promise<Promotion[]> {
    const today = dayOf(todayUtc());
    const query = readQuery(ctx.principal, filter, today);
    if (!query) return [];
    const rows = (await ctx.db.query(
      `SELECT ${PROMOTION_COLUMNS} FROM promotion p
       WHERE ${PROMOTION_FILTER} AND ($5::text IS NULL OR p.skus IS NULL OR $5::text = ANY(p.skus))
       ORDER BY p.starts_on DESC, p.name, p.id LIMIT $6`,
      [query.scope, today, query.status, query.channel, filter.sku?.trim() || null, filter.first],
    )) as PromotionRow[];
    return rows.map((r) => toPromotion(r, today));
  },

  /** A product's promotions, as `list` with its SKU; through the request's loader. */
  async forSku(ctx: InventoryContext, sku: string, filter: Omit<PromotionFilter, 'sku'>): Promise<Promotion[]> {
    const today = dayOf(todayUtc());
    const query = readQuery(ctx.principal, filter, today);
    if (!query) return [];
    const rows = await ctx.loaders.productPromotions.load({ sku, ...query });
    return rows.map((r) => toPromotion(r, today));
  },

  /** The promotion's measured uplift; null until its first day is over. Through the request's loader. */
  measurement(ctx: InventoryContext, promotion: Pick<Promotion, 'id'>): Promise<PromotionMeasurement | null> {
    return ctx.loaders.promotionMeasurement.load(promotion.id);
  },

  /**
   * Stores a new promotion; forecasts read with it from now on.
   *
   * @throws FORBIDDEN a channel-scoped caller planning on every channel or on a channel not its own (nothing stored)
   * @throws BAD_USER_INPUT listing every problem: blank name; channel codes that are no codes or that inventory
   *   has had no order from; unknown SKUs; days that are no days, out of order, too long a window, too far back
   *   or ahead; an uplift not above 1 or above the maximum
   */
  async plan(ctx: InventoryContext, input: PlanPromotionInput): Promise<Promotion> {
    const today = todayUtc();
    const { problems, promotion } = validatePromotion(input, today);
    if (!problems.some((p) => p.field === 'channels')) assertPromotionWritable(ctx.principal, promotion.channels);
    problems.push(...(await unknownCodes(ctx.db, promotion)));
    if (problems.length)
      throw badUserInput(`Invalid promotion: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
    const id = randomUUID();
    const [row] = await ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'Promotion', id, soleChannel(promotion.channels));
      const { name, channels, skus, startsOn, endsOn, uplift } = promotion;
      const args = [id, name, channels, skus, startsOn, endsOn, uplift, ctx.principal.sub];
      return returnedRows<PromotionRow>(await tx.manager.query(INSERT_SQL, args));
    });
    await restateSafetyStock(ctx, row, `promotion "${row.name}" planned`);
    return toPromotion(row, dayOf(today));
  },

  /**
   * Calls a promotion off: from now on it counts in no forecast, neither its
   * days to come nor, when a refit reads the history, its days gone by. Who
   * cancelled it and when is kept; cancelling again changes nothing.
   *
   * @throws NOT_FOUND no such promotion
   * @throws FORBIDDEN a channel-scoped caller, for a promotion it cannot see (nothing changed)
   */
  async cancel(ctx: InventoryContext, id: string): Promise<Promotion> {
    if (!isUuid(id)) throw notFound('Promotion', id);
    const row = await ctx.events.transaction(async (tx) => {
      const [found] = (await tx.manager.query(`SELECT ${PROMOTION_COLUMNS} FROM promotion p WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as PromotionRow[];
      if (!found) throw notFound('Promotion', id);
      assertPromotionWritable(ctx.principal, found.channels);
      auditTarget(ctx, 'Promotion', found.id, soleChannel(found.channels));
      if (found.cancelledAt) return found;
      const [cancelled] = returnedRows<PromotionRow>(
        await tx.manager.query(
          `UPDATE promotion p SET cancelled_at = now(), cancelled_by = $2 WHERE id = $1 RETURNING ${PROMOTION_COLUMNS}`,
          [id, ctx.principal.sub],
        ),
      );
      return cancelled;
    });
    await restateSafetyStock(ctx, row, `promotion "${row.name}" cancelled`);
    return toPromotion(row, dayOf(todayUtc()));
  },
};

/** The SQL filter of a read; null when the caller can see nothing it asked for. */
function readQuery(principal: Principal, filter: Omit<PromotionFilter, 'sku'>, today: string) {
  const channel = filter.channel?.trim().toLowerCase() || null;
  if (channel !== null && !visibleChannels(principal, [channel])?.length) return null;
  return { scope: visibleChannels(principal), today, status: filter.status, channel, first: filter.first };
}

/**
 * FORBIDDEN unless the caller may plan or cancel a promotion on these channels
 * (null: every channel): a channel-scoped caller only on its own channels, and
 * never on every channel. Called before anything is stored.
 */
function assertPromotionWritable(principal: Principal, channels: readonly string[] | null): void {
  if (principal.channels === null) return;
  const outside = channels === null ? null : channels.filter((c) => !principal.channels!.includes(c));
  if (outside !== null && !outside.length) return;
  const what = outside === null ? 'on every channel' : `on channel(s) ${outside.map((c) => `"${c}"`).join(', ')}`;
  throw new AppError('FORBIDDEN', `This caller may not plan or cancel promotions ${what}`, {
    channels: principal.channels,
  });
}

/** Unknown SKUs, and channels inventory has had no order from (its demand history names every channel it saw). */
async function unknownCodes(db: Queryable, promotion: ValidPromotion): Promise<InputProblem[]> {
  const [row] = (await db.query(
    `SELECT
       ARRAY(SELECT s FROM unnest($1::text[]) s WHERE NOT EXISTS (SELECT 1 FROM product WHERE sku = s) ORDER BY s) AS skus,
       ARRAY(SELECT c FROM unnest($2::text[]) c WHERE NOT EXISTS (SELECT 1 FROM demand_daily WHERE channel = c)
             ORDER BY c) AS channels`,
    [promotion.skus ?? [], promotion.channels ?? []],
  )) as { skus: string[]; channels: string[] }[];
  const problems: InputProblem[] = [];
  if (row.skus.length) problems.push({ field: 'skus', message: `unknown SKU(s): ${list(row.skus)}` });
  if (row.channels.length)
    problems.push({ field: 'channels', message: `no order has come through channel(s): ${list(row.channels)}` });
  return problems;
}

const list = (codes: string[]) =>
  codes.length > 10 ? `${codes.slice(0, 10).join(', ')} and ${codes.length - 10} more` : codes.join(', ');

/** The audit entry's channel: the promotion's one channel; none for several or all. */
const soleChannel = (channels: readonly string[] | null) => (channels?.length === 1 ? channels[0] : undefined);

/**
 * A promotion changes the demand safety stock covers (safety-stock-formula.ts: the uplift on the lead-time days),
 * so its SKUs' safety stocks are recomputed once its own transaction has committed. A failure here leaves the
 * promotion stored and is logged: the hourly recompute brings the levels up to date.
 */
async function restateSafetyStock(ctx: InventoryContext, row: PromotionRow, reason: string): Promise<void> {
  try {
    await recomputeSafetyStock(ctx, { skus: row.skus ?? undefined, reason });
    ctx.loaders.stockLevelsBySku.clearAll();
  } catch (err) {
    ctx.log.error({ err, promotionId: row.id }, 'safety stock recompute after a promotion change failed');
  }
}
