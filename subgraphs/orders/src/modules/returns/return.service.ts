import {
  auditTarget,
  badUserInput,
  isUuid,
  notFound,
  pageArgs,
  readBuiltRows,
  toPage,
  type Page,
} from '@supply-graph/shared';
import { returnSettingsOf } from '../../config';
import type { OrdersContext } from '../../context';
import { assertChannelWritable, assertOrderWritable } from '../order/channel-access';
import { SqlParams, whereClause } from '../order/order-filter';
import { createReturn } from './create-return';
import { ReturnStatus, invalidReturnTransition } from './return-status.machine';
import { clearReviewAlert, emitReturnAuthorised, moveReturn } from './return-transition';
import type { ReturnFilter, RequestReturnInput } from './return.input';
import { RETURN_COLUMNS, returnCursor, toReturn, type ReturnRow } from './return.row';
import type { Return } from './return.type';

/** Requests, reviews and lists returns; the rules are in create-return.ts and the status table. */
export const returnService = {
  /** `requestReturn`: FORBIDDEN for another channel's order; every problem of the request at once. */
  async request(ctx: OrdersContext, input: RequestReturnInput): Promise<Return> {
    await assertOrderWritable(ctx, input.orderId);
    const settings = returnSettingsOf(ctx.config);
    const created = await ctx.events.transaction(async (tx) => {
      const result = await createReturn(tx, settings, {
        // A malformed id names no order: the nil UUID finds none, so it is listed with the other problems.
        orderId: isUuid(input.orderId) ? input.orderId.toLowerCase() : '00000000-0000-0000-0000-000000000000',
        lines: input.lines,
        reason: input.reason,
        note: input.note?.trim() || null,
        source: 'REQUEST',
        externalId: null,
        agreed: false,
        field: 'input',
      });
      auditTarget(ctx, 'Return', result.returnId, result.channel);
      return result;
    });
    return (await this.reload(ctx, created.returnId))!;
  },

  /** An operator authorises a REQUESTED return: `return.authorised`, and the desk's review item is cleared. */
  async authorise(ctx: OrdersContext, id: string): Promise<Return> {
    await this.decide(ctx, id, ReturnStatus.AUTHORISED, `authorised by ${ctx.principal.sub}`);
    return (await this.reload(ctx, id))!;
  },

  /** An operator rejects a REQUESTED return (final); the units may be asked for again. */
  async reject(ctx: OrdersContext, id: string, reason: string): Promise<Return> {
    const why = reason.trim();
    if (!why) throw badUserInput('A rejection needs a reason', [{ field: 'reason', message: 'is empty' }]);
    await this.decide(ctx, id, ReturnStatus.REJECTED, why);
    return (await this.reload(ctx, id))!;
  },

  async decide(ctx: OrdersContext, id: string, to: ReturnStatus, why: string): Promise<void> {
    if (!isUuid(id)) throw notFound('Return', id);
    const [row] = (await ctx.db.query('SELECT channel_code FROM order_return WHERE id = $1', [id])) as {
      channel_code: string;
    }[];
    if (!row) throw notFound('Return', id);
    assertChannelWritable(ctx.principal, row.channel_code);
    await ctx.events.transaction(async (tx) => {
      auditTarget(ctx, 'Return', id, row.channel_code);
      const moved = await moveReturn(tx, id, to, why);
      if (!moved) {
        const [current] = (await tx.manager.query('SELECT status FROM order_return WHERE id = $1', [id])) as {
          status: ReturnStatus;
        }[];
        throw invalidReturnTransition(id, current.status, to);
      }
      if (to === ReturnStatus.AUTHORISED) await emitReturnAuthorised(tx, id);
      await clearReviewAlert(tx, id, to === ReturnStatus.AUTHORISED ? 'return authorised' : 'return rejected');
    });
  },

  async reload(ctx: OrdersContext, id: string): Promise<Return | null> {
    ctx.loaders.returnById.clear(id);
    return ctx.loaders.returnById.load(id);
  },

  find(ctx: OrdersContext, id: string): Promise<Return | null> {
    return ctx.loaders.returnById.load(id);
  },

  /** Newest first (requestedAt, then id); the caller's channel scope is a condition of the SQL. */
  async list(
    ctx: OrdersContext,
    args: { first: number; after: string | null; filter: ReturnFilter | null },
  ): Promise<Page<Return>> {
    const page = pageArgs(args.first, args.after);
    const params = new SqlParams();
    const where: string[] = [];
    const f = args.filter ?? {};
    if (ctx.principal.channels) where.push(`r.channel_code = ANY(${params.add(ctx.principal.channels, 'text[]')})`);
    if (f.channel != null) where.push(`r.channel_code = ${params.add(f.channel.trim().toLowerCase(), 'text')}`);
    if (f.status) where.push(`r.status = ANY(${params.add(f.status, 'text[]')})`);
    if (f.reason) where.push(`r.reason = ANY(${params.add(f.reason, 'text[]')})`);
    if (f.orderId != null) {
      if (!isUuid(f.orderId)) return toPage([], page.first, 0, returnCursor);
      where.push(`r.order_id = ${params.add(f.orderId.toLowerCase(), 'uuid')}`);
    }
    const countSql = `SELECT count(*)::int AS n FROM order_return r ${whereClause(where)}`;
    const countValues = [...params.values];
    if (page.after) {
      const at = typeof page.after.sortKey === 'string' ? new Date(page.after.sortKey) : null;
      if (!at || Number.isNaN(at.getTime()) || !isUuid(page.after.id)) {
        throw badUserInput('"after" is not a cursor of a return list. Use a cursor returned by this API.');
      }
      where.push(
        `(r.requested_at, r.id) < (${params.add(at.toISOString(), 'timestamptz')}, ${params.add(page.after.id, 'uuid')})`,
      );
    }
    const pageSql = `SELECT ${RETURN_COLUMNS} FROM order_return r ${whereClause(where)}
      ORDER BY r.requested_at DESC, r.id DESC LIMIT ${params.add(page.first + 1, 'int')}`;
    const [[{ n }], rows] = await Promise.all([
      readBuiltRows<{ n: number }>(ctx.db, countSql, countValues),
      readBuiltRows<ReturnRow>(ctx.db, pageSql, params.values),
    ]);
    return toPage(rows.map(toReturn), page.first, n, returnCursor);
  },
};
