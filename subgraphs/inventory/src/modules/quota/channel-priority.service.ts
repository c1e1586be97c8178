import {
  AppError,
  affectedRows,
  auditTarget,
  badUserInput,
  returnedRows,
  visibleChannels,
  type EventTransaction,
  type InputProblem,
} from '@supply-graph/shared';
import type { InventoryContext } from '../../context';
import { allocateBackorders } from '../reservation/release.service';
import { DEFAULT_CHANNEL_PRIORITY, PRIORITY_RANGE } from './channel-priority.rule';
import type { ChannelPriority } from './channel-priority.type';
import { channelProblems } from './channel-quota.validation';

interface PriorityRow {
  channel: string;
  priority: number;
  updatedAt: Date;
}

const defaultFor = (channel: string): ChannelPriority => ({
  channel,
  priority: DEFAULT_CHANNEL_PRIORITY,
  isDefault: true,
  updatedAt: null,
});
const toPriority = (row: PriorityRow): ChannelPriority => ({ ...row, isDefault: false });
const byRank = (a: ChannelPriority, b: ChannelPriority) =>
  b.priority - a.priority || a.channel.localeCompare(b.channel);

// Every SKU the channel's waiting orders need: their rank against other channels' orders changed.
const WAITING_SKUS_SQL = `
  SELECT DISTINCT l->>'sku' AS sku FROM backorder b CROSS JOIN LATERAL jsonb_array_elements(b.request->'lines') l
  WHERE b.request->>'channel' = $1 ORDER BY 1`;

/** Channel priorities: who gets short stock first. The rule itself is in channel-priority.rule.ts. */
export const channelPriorityService = {
  /**
   * The priorities set, by priority (highest first) then channel; one channel
   * (set or default) when asked for. A channel-scoped caller gets its own
   * channels only, each with its default when none was set.
   */
  async list(ctx: InventoryContext, channel: string | null): Promise<ChannelPriority[]> {
    const asked = channel === null ? null : [channel.trim().toLowerCase()];
    const channels = visibleChannels(ctx.principal, asked);
    if (channels && !channels.length) return [];
    const rows = (await ctx.db.query(
      `SELECT channel, priority, updated_at AS "updatedAt" FROM channel_priority
       WHERE $1::text[] IS NULL OR channel = ANY($1::text[])`,
      [channels],
    )) as PriorityRow[];
    const found = rows.map(toPriority);
    const unset = (channels ?? []).filter((c) => !rows.some((r) => r.channel === c)).map(defaultFor);
    return [...found, ...unset].sort(byRank);
  },

  /**
   * Sets a channel's priority and, in the same transaction, offers stock to
   * the orders its change lets through (a lowered channel stops holding units
   * back from the others).
   *
   * @throws BAD_USER_INPUT every problem (malformed channel, a priority out of range)
   * @throws FORBIDDEN a channel-scoped caller: ranking channels against each other is for a caller who sees them all
   */
  async set(ctx: InventoryContext, channel: string, priority: number): Promise<ChannelPriority> {
    const problems: InputProblem[] = channelProblems(channel);
    if (!Number.isInteger(priority) || priority < PRIORITY_RANGE.min || priority > PRIORITY_RANGE.max)
      problems.push({
        field: 'priority',
        message: `must be a whole number from ${PRIORITY_RANGE.min} to ${PRIORITY_RANGE.max} (got ${priority})`,
      });
    if (problems.length) throw invalid(problems);
    const code = channel.trim().toLowerCase();
    assertMayRank(ctx, code);
    return ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'ChannelPriority', code, code);
      const [row] = returnedRows<PriorityRow>(
        await tx.manager.query(
          `INSERT INTO channel_priority (channel, priority, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (channel) DO UPDATE SET priority = EXCLUDED.priority, updated_at = now()
         RETURNING channel, priority, updated_at AS "updatedAt"`,
          [code, priority],
        ),
      );
      await offerWaiting(ctx, tx, code);
      return toPriority(row);
    });
  },

  /**
   * Puts a channel back on the default priority; false when it had none set.
   *
   * @throws BAD_USER_INPUT a malformed channel
   * @throws FORBIDDEN a channel-scoped caller
   */
  async remove(ctx: InventoryContext, channel: string): Promise<boolean> {
    const problems = channelProblems(channel);
    if (problems.length) throw invalid(problems);
    const code = channel.trim().toLowerCase();
    assertMayRank(ctx, code);
    return ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'ChannelPriority', code, code);
      const deleted = await tx.manager.query('DELETE FROM channel_priority WHERE channel = $1', [code]);
      if (!affectedRows(deleted)) return false;
      await offerWaiting(ctx, tx, code);
      return true;
    });
  },
};

async function offerWaiting(ctx: InventoryContext, tx: EventTransaction, channel: string): Promise<void> {
  const skus = ((await tx.manager.query(WAITING_SKUS_SQL, [channel])) as { sku: string }[]).map((r) => r.sku);
  if (skus.length) await allocateBackorders(tx, skus, ctx);
}

function assertMayRank(ctx: InventoryContext, channel: string): void {
  if (ctx.principal.channels === null) return;
  throw new AppError('FORBIDDEN', 'Only a caller who sees every channel may rank channels', {
    channel,
    channels: ctx.principal.channels,
  });
}

function invalid(problems: InputProblem[]) {
  return badUserInput(
    `Invalid channel priority: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    problems,
  );
}
