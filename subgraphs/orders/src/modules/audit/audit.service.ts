import {
  badUserInput,
  encodeCursor,
  insertRow,
  insertRows,
  isUuid,
  pageArgs,
  toPage,
  visibleChannels,
  type AuditRecorded,
  type ColumnTypes,
  type DecodedCursor,
  type EventTransaction,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { SqlParams, whereClause } from '../order/order-filter';
import type { AuditEvent, AuditEventConnection } from './audit-event.type';
import type { AuditFilter } from './audit-filter.input';

/** Entries a page holds when `first` is not given. */
export const DEFAULT_AUDIT_PAGE = 50;

export interface AuditListArgs {
  first?: number | null;
  after?: string | null;
  filter?: AuditFilter | null;
}

const COLUMNS = 'id, at, actor, action, target, channel, request_id AS "requestId", outcome';

export const auditService = {
  /**
   * One page of the trail, newest first (`at`, then id, descending). A caller
   * limited to channels sees only the entries of those channels: the trail
   * names other callers and objects, which it may not see.
   */
  async list(ctx: OrdersContext, args: AuditListArgs): Promise<AuditEventConnection> {
    const page = pageArgs(args.first, args.after, DEFAULT_AUDIT_PAGE);
    const after = page.after && checkCursor(page.after);
    const params = new SqlParams();
    const where: string[] = [];
    const { actor, action, target, since } = args.filter ?? {};
    if (actor != null) where.push(`actor = ${params.add(actor)}`);
    if (action != null) where.push(`action = ${params.add(action)}`);
    if (target != null) where.push(`target = ${params.add(target)}`);
    if (since != null) where.push(`at >= ${params.add(since, 'timestamptz')}`);
    const channels = visibleChannels(ctx.principal);
    if (channels) where.push(`channel = ANY(${params.add(channels, 'text[]')})`);
    if (after) where.push(`(at, id) < (${params.add(after.at, 'timestamptz')}, ${params.add(after.id, 'uuid')})`);
    const rows = (await ctx.db.query(
      `SELECT ${COLUMNS} FROM audit_event ${whereClause(where)}
        ORDER BY at DESC, id DESC LIMIT ${params.add(page.first + 1, 'int')}`,
      params.values,
    )) as AuditEvent[];
    const { edges, pageInfo } = toPage(rows, page.first, 0, (row) =>
      encodeCursor(new Date(row.at).toISOString(), row.id),
    );
    return { edges, pageInfo };
  },
};

// A well-formed cursor of another list (or a forged one) must not reach SQL as garbage.
function checkCursor(cursor: DecodedCursor): { at: string; id: string } {
  const at = typeof cursor.sortKey === 'string' ? new Date(cursor.sortKey) : null;
  if (!at || Number.isNaN(at.getTime()) || !isUuid(cursor.id)) {
    throw badUserInput('"after" is not a cursor of the audit trail. Use a cursor returned by auditEvents.');
  }
  return { at: at.toISOString(), id: cursor.id.toLowerCase() };
}

/** Keeps one `audit.recorded` entry; the event id is the row's id, so a redelivered event adds nothing. */
export async function recordAuditEvent(tx: EventTransaction, eventId: string, entry: AuditRecorded): Promise<void> {
  await insertRow<AuditEventInsert>(tx.manager, 'audit_event', auditRow(eventId, entry), {
    onConflict: '(id) DO NOTHING',
  });
}

/** Keeps several entries with one statement, as {@link recordAuditEvent} keeps each. */
export async function recordAuditEvents(
  tx: EventTransaction,
  entries: readonly { eventId: string; entry: AuditRecorded }[],
): Promise<void> {
  await insertRows<AuditEventInsert>(
    tx.manager,
    'audit_event',
    AUDIT_COLUMN_TYPES,
    entries.map(({ eventId, entry }) => auditRow(eventId, entry)),
    { onConflict: '(id) DO NOTHING' },
  );
}

function auditRow(eventId: string, entry: AuditRecorded): AuditEventInsert {
  return {
    id: eventId,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    channel: entry.channel,
    request_id: entry.requestId,
    outcome: entry.outcome,
  };
}

const AUDIT_COLUMN_TYPES: ColumnTypes<AuditEventInsert> = {
  id: 'uuid',
  at: 'timestamptz',
  actor: 'text',
  action: 'text',
  target: 'text',
  channel: 'text',
  request_id: 'text',
  outcome: 'text',
};

/** The columns of `audit_event`: one `audit.recorded` entry as it is kept. */
interface AuditEventInsert {
  id: string;
  /** ISO instant. */
  at: string;
  actor: string;
  action: string;
  target: string | null;
  channel: string | null;
  request_id: string | null;
  outcome: string;
}
