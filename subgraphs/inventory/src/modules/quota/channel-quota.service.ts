import {
  affectedRows,
  auditTarget,
  badUserInput,
  type EventTransaction,
  type InputProblem,
  type SqlExecutor,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { allocateBackorders } from '../reservation/release.service';
import { channelAndSkuProblems, validateQuota, type ChannelQuotaInput } from './channel-quota.validation';
import { assertQuotaWritable, quotaChannels } from './quota-access';
import type { ChannelQuota } from './channel-quota.type';
import { BASIS_POINTS, quotaLimit } from './quota-rule';

interface QuotaRow {
  channel: string;
  sku: string;
  maxUnits: number | null;
  shareBp: number | null;
  held: number;
  onHand: number;
  updatedAt: Date;
}

const VIEW_SQL = `
  SELECT q.channel, q.sku, q.max_units AS "maxUnits", round(q.max_share * 10000)::int AS "shareBp", q.held,
         q.updated_at AS "updatedAt",
         coalesce((SELECT sum(s.on_hand) FROM stock_level s WHERE s.sku = q.sku), 0)::int AS "onHand"
  FROM channel_quota q`;

// The channel's count starts from what its orders hold now (reserved, not shipped or released);
// the SKU's stock rows are locked first, so no reservation can change that count meanwhile.
const UPSERT_SQL = `
  INSERT INTO channel_quota (channel, sku, max_units, max_share, held, updated_at)
  VALUES ($1, $2, $3, $4::numeric, (
    SELECT coalesce(sum(quantity), 0)::int FROM allocation
    WHERE channel = $1 AND sku = $2 AND NOT presale AND released_at IS NULL AND shipped_at IS NULL), now())
  ON CONFLICT (channel, sku) DO UPDATE SET max_units = EXCLUDED.max_units, max_share = EXCLUDED.max_share,
    updated_at = now()`;

const toQuota = (row: QuotaRow): ChannelQuota => {
  const limit = quotaLimit(row, row.onHand);
  return {
    channel: row.channel,
    sku: row.sku,
    maxUnits: row.maxUnits,
    maxShare: row.shareBp === null ? null : row.shareBp / BASIS_POINTS,
    limit,
    held: row.held,
    remaining: Math.max(0, limit - row.held),
    updatedAt: row.updatedAt,
  };
};

/** Channel quotas: how much of a SKU's stock one channel's orders may hold. */
export const channelQuotaService = {
  /** Every quota (of one SKU, or all) of the caller's channels, by SKU then channel. */
  async list(ctx: InventoryContext, sku: string | null): Promise<ChannelQuota[]> {
    const rows = (await ctx.db.query(
      `${VIEW_SQL} WHERE ($1::text IS NULL OR q.sku = $1) AND ($2::text[] IS NULL OR q.channel = ANY($2::text[]))
        ORDER BY q.sku, q.channel`,
      [sku, quotaChannels(ctx.principal)],
    )) as QuotaRow[];
    return rows.map(toQuota);
  },

  /**
   * Sets (or replaces) a channel's quota for a SKU and, in the same
   * transaction, offers the SKU's backorders the room a raised quota makes.
   * Lowering a quota below what the channel holds keeps its reservations;
   * its new orders wait until it is under the quota again.
   *
   * @throws BAD_USER_INPUT listing every problem (blank or malformed channel, unknown SKU,
   *   not exactly one of maxUnits and maxShare, a negative cap, a share outside [0, 1] or finer than 0.01%)
   * @throws FORBIDDEN a well-formed channel outside a channel-scoped caller's channels (nothing stored)
   */
  async set(ctx: InventoryContext, input: ChannelQuotaInput): Promise<ChannelQuota> {
    const { problems, quota } = validateQuota(input);
    if (!problems.some((p) => p.field === 'channel')) assertQuotaWritable(ctx.principal, quota.channel);
    await checkSku(ctx.db, quota.sku, problems);
    if (problems.length) throw invalid('Invalid channel quota', problems);
    const share = quota.shareBp === null ? null : (quota.shareBp / BASIS_POINTS).toFixed(4);
    return ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'Product', quota.sku, quota.channel);
      await lockStock(tx, quota.sku);
      await tx.manager.query(UPSERT_SQL, [quota.channel, quota.sku, quota.maxUnits, share]);
      await allocateBackorders(tx, [quota.sku], ctx);
      const [row] = (await tx.manager.query(`${VIEW_SQL} WHERE q.channel = $1 AND q.sku = $2`, [
        quota.channel,
        quota.sku,
      ])) as QuotaRow[];
      return toQuota(row);
    });
  },

  /**
   * Lifts a channel's quota for a SKU; its waiting orders are offered the
   * stock at once. False when there was no such quota.
   *
   * @throws BAD_USER_INPUT blank or malformed channel, blank SKU
   * @throws FORBIDDEN a channel outside a channel-scoped caller's channels (nothing removed)
   */
  async remove(ctx: InventoryContext, channel: string, sku: string): Promise<boolean> {
    const problems = channelAndSkuProblems(channel, sku);
    if (problems.length) throw invalid('Invalid channel quota', problems);
    const code = channel.trim().toLowerCase();
    assertQuotaWritable(ctx.principal, code);
    const trimmed = sku.trim();
    return ctx.events.transaction(async (tx) => {
      await lockStock(tx, trimmed);
      const deleted = await tx.manager.query('DELETE FROM channel_quota WHERE channel = $1 AND sku = $2', [
        code,
        trimmed,
      ]);
      if (!affectedRows(deleted)) return false;
      await allocateBackorders(tx, [trimmed], ctx);
      return true;
    });
  },
};

/** The SKU's stock rows, in the order reservations lock them: the quota row is only touched after. */
async function lockStock(tx: EventTransaction, sku: string): Promise<void> {
  await tx.manager.query('SELECT 1 FROM stock_level WHERE sku = $1 ORDER BY warehouse_id FOR UPDATE', [sku]);
}

async function checkSku(db: SqlExecutor, sku: string, problems: InputProblem[]): Promise<void> {
  if (!sku) return;
  const rows = (await db.query('SELECT 1 FROM product WHERE sku = $1', [sku])) as unknown[];
  if (!rows.length) problems.push({ field: 'sku', message: `unknown SKU "${sku}"` });
}

function invalid(what: string, problems: InputProblem[]) {
  return badUserInput(`${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}
