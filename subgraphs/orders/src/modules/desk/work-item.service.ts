import {
  AppError,
  auditTarget,
  badUserInput,
  conflict,
  encodeCursor,
  isUuid,
  notFound,
  pageArgs,
  returnedRows,
  toPage,
  type DecodedCursor,
  type EventTransaction,
  type Principal,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { SqlParams, whereClause } from '../order/order-filter';
import { fillFreedCapacity, giveTo } from './assign';
import { recordChange } from './work-item-changes';
import type { WorkItemFilter } from './work-item.input';
import { inChannels, type WorkItemRow } from './work-item.row';
import { WorkItemStatus } from './work-item-status';
import type { WorkItem, WorkItemConnection, WorkItemHistoryEntry } from './work-item.type';

export const DEFAULT_WORK_ITEM_PAGE = 50;

/** The GraphQL view of a row; facts are the alert's detail as text. */
export function toWorkItem(row: WorkItemRow): WorkItem {
  const dueAt = new Date(row.due_at);
  return {
    id: row.id,
    kind: row.kind,
    priority: row.priority,
    status: row.status,
    skill: row.skill,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    orderId: row.order_id,
    channel: row.channel,
    carrier: row.carrier,
    summary: row.summary,
    facts: Object.entries(row.detail ?? {}).map(([name, value]) => ({
      name,
      value: Array.isArray(value) ? value.join(', ') : String(value),
    })),
    checklist: row.checklist,
    assignee: row.assignee,
    dueAt,
    overdue: row.status !== WorkItemStatus.RESOLVED && dueAt.getTime() < Date.now(),
    escalationLevel: row.escalation_level,
    outcome: row.outcome,
    cause: row.cause,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    createdAt: new Date(row.created_at),
    version: row.version,
  };
}

/**
 * A work item the caller means to change, locked in its transaction:
 * NOT_FOUND for an unknown id, FORBIDDEN (nothing changed) for an item of a
 * channel outside a channel-scoped caller's, or of no channel at all. Names
 * it as the audit target first, so a refused call is recorded against it.
 */
export async function lockForChange(ctx: OrdersContext, tx: EventTransaction, id: string): Promise<WorkItemRow> {
  if (!isUuid(id)) throw notFound('WorkItem', id);
  const rows = (await tx.manager.query('SELECT * FROM work_item WHERE id = $1 FOR UPDATE', [id])) as WorkItemRow[];
  if (!rows.length) throw notFound('WorkItem', id);
  const [item] = rows;
  auditTarget(ctx, 'WorkItem', id, item.channel);
  assertSees(ctx.principal, item);
  return item;
}

function assertSees(principal: Principal, item: WorkItemRow): void {
  if (principal.channels === null || (item.channel !== null && principal.channels.includes(item.channel))) return;
  throw new AppError('FORBIDDEN', `This caller may not change work items of channel "${item.channel ?? '(none)'}"`, {
    channel: item.channel,
    channels: principal.channels,
  });
}

export const workItemService = {
  /** One page, newest first (created, then id); a channel-scoped caller sees its channels' items only. */
  async list(
    ctx: OrdersContext,
    filter: WorkItemFilter | null,
    first: number | null,
    after: string | null,
  ): Promise<WorkItemConnection> {
    const page = pageArgs(first, after, DEFAULT_WORK_ITEM_PAGE);
    const cursor = page.after && checkCursor(page.after);
    const params = new SqlParams();
    const where: string[] = [inChannels('w', params.add(ctx.principal.channels, 'text[]'))];
    if (filter?.status?.length) where.push(`w.status = ANY(${params.add(filter.status, 'text[]')})`);
    if (filter?.kind?.length) where.push(`w.kind = ANY(${params.add(filter.kind, 'text[]')})`);
    if (filter?.assignee != null) where.push(`w.assignee = ${params.add(filter.assignee)}`);
    if (filter?.channel != null) where.push(`w.channel = ${params.add(filter.channel.toLowerCase())}`);
    if (filter?.overdue != null)
      where.push(`${filter.overdue ? '' : 'NOT '}(w.status <> 'RESOLVED' AND w.due_at < now())`);
    const count = (await ctx.db.query(
      `SELECT count(*)::int AS n FROM work_item w ${whereClause(where)}`,
      params.values,
    )) as { n: number }[];
    if (cursor)
      where.push(`(w.created_at, w.id) < (${params.add(cursor.at, 'timestamptz')}, ${params.add(cursor.id, 'uuid')})`);
    const rows = (await ctx.db.query(
      `SELECT w.* FROM work_item w ${whereClause(where)}
       ORDER BY w.created_at DESC, w.id DESC LIMIT ${params.add(page.first + 1, 'int')}`,
      params.values,
    )) as WorkItemRow[];
    return toPage(rows.map(toWorkItem), page.first, count[0].n, (item) =>
      encodeCursor(item.createdAt.toISOString(), item.id),
    );
  },

  /** One item, or null when unknown or outside the caller's channels. */
  async byId(ctx: OrdersContext, id: string): Promise<WorkItem | null> {
    if (!isUuid(id)) return null;
    const rows = (await ctx.db.query(`SELECT w.* FROM work_item w WHERE w.id = $1 AND ${inChannels('w', '$2')}`, [
      id,
      ctx.principal.channels,
    ])) as WorkItemRow[];
    return rows.length ? toWorkItem(rows[0]) : null;
  },

  async history(ctx: OrdersContext, id: string): Promise<WorkItemHistoryEntry[]> {
    return (await ctx.db.query(
      'SELECT at, actor, change, note FROM work_item_event WHERE work_item_id = $1 ORDER BY id',
      [id],
    )) as WorkItemHistoryEntry[];
  },

  /**
   * An operator hands an item to another (any active operator, capacity or
   * not: a person's decision). CONFLICT when it is resolved; BAD_USER_INPUT for
   * an unknown or inactive operator. The previous assignee's freed place is
   * filled from the waiting items.
   */
  async assign(ctx: OrdersContext, id: string, assignee: string): Promise<WorkItem> {
    const actor = ctx.principal.sub;
    const row = await ctx.events.transaction(async (tx) => {
      const item = await lockForChange(ctx, tx, id);
      if (item.status === WorkItemStatus.RESOLVED) throw conflict(`Work item ${id} is resolved`, { id });
      const ok = (await tx.manager.query('SELECT 1 FROM desk_operator WHERE sub = $1 AND active', [
        assignee,
      ])) as unknown[];
      if (!ok.length)
        throw badUserInput(`No active operator "${assignee}"`, [
          { field: 'assignee', message: 'is not an active operator' },
        ]);
      if (item.assignee === assignee) return item;
      const given = await giveTo(
        tx,
        id,
        assignee,
        actor,
        `reassigned from ${item.assignee ?? 'nobody'} to ${assignee}`,
      );
      if (item.assignee) await fillFreedCapacity(tx, item.assignee, ctx.workItemAssignment);
      return given;
    });
    return toWorkItem(row);
  },

  /** Adds an operator's comment to the history. CONFLICT on a resolved item. */
  async comment(ctx: OrdersContext, id: string, text: string): Promise<WorkItem> {
    const note = text.trim();
    if (!note) throw badUserInput('A comment needs text', [{ field: 'text', message: 'is empty' }]);
    const row = await ctx.events.transaction(async (tx) => {
      const item = await lockForChange(ctx, tx, id);
      if (item.status === WorkItemStatus.RESOLVED) throw conflict(`Work item ${id} is resolved`, { id });
      const [updated] = returnedRows<WorkItemRow>(
        await tx.manager.query(
          'UPDATE work_item SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
          [id],
        ),
      );
      await recordChange(tx, updated, 'COMMENTED', ctx.principal.sub, note);
      return updated;
    });
    return toWorkItem(row);
  },
};

function checkCursor(cursor: DecodedCursor): { at: string; id: string } {
  const at = typeof cursor.sortKey === 'string' ? new Date(cursor.sortKey) : null;
  if (!at || Number.isNaN(at.getTime()) || !isUuid(cursor.id))
    throw badUserInput('"after" is not a cursor of work items. Use a cursor returned by workItems.');
  return { at: at.toISOString(), id: cursor.id.toLowerCase() };
}
