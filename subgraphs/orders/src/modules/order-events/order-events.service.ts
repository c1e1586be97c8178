import {
  AppError,
  badUserInput,
  eventIdOfPosition,
  positionOfEventId,
  EventTypes,
  type OrderStatusChanged,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { OrderStatus } from '../order/order.type';
import type { OrderStatusEventBatch, OrderStatusEventRecord } from './order-event.type';

export interface ReplayRequest {
  after: string;
  orderId: string | null;
  customerId: string | null;
  channel: string | null;
  first: number;
}

/** One retained event: its position on the bus (the event id, unpadded) and its payload. */
export interface RetainedEvent<P> {
  position: string;
  payload: P;
}

/**
 * Past status events for subscribers that resume. They come from the outbox,
 * which keeps published events for OUTBOX_RETENTION_HOURS; an `after` from
 * before that is REPLAY_EXPIRED (its own code: the client must reload, not
 * retry), one that is not an id of ours is BAD_USER_INPUT. A channel-scoped
 * caller (the subscriber, whose token the gateway passes on) gets its
 * channels' events only, whatever channel it asked for.
 */
export const orderEventsService = {
  async replay(ctx: OrdersContext, request: ReplayRequest): Promise<OrderStatusEventBatch> {
    const { rows, hasMore } = await retainedEvents<OrderStatusChanged>(
      ctx,
      EventTypes.orderStatusChanged,
      request.after,
      request.first,
      `($4::text IS NULL OR o.payload->>'orderId' = $4)
       AND ($5::text IS NULL OR o.payload->>'customerId' = $5)
       AND ($6::text IS NULL OR o.payload->>'channel' = lower($6))
       AND ($7::text[] IS NULL OR o.payload->>'channel' = ANY($7::text[]))`,
      [request.orderId, request.customerId, request.channel, ctx.principal.channels],
    );
    return { events: rows.map(toRecord), hasMore };
  },
};

/**
 * Published events of one type after the event id `after`, oldest first, at most `first` (1..1000) and whether
 * more follow. `where` filters them on `o.payload`, its parameters numbered from $4. Shared by every replay feed of
 * this subgraph (`_orderStatusEvents`, `_workItemEvents`).
 *
 * @throws BAD_USER_INPUT an `after` that is not, or not yet, one of our event ids
 * @throws REPLAY_EXPIRED an `after` older than the retention
 */
export async function retainedEvents<P>(
  ctx: OrdersContext,
  type: string,
  afterId: string,
  first: number,
  where: string,
  params: unknown[],
): Promise<{ rows: RetainedEvent<P>[]; hasMore: boolean }> {
  const after = positionOfEventId(afterId);
  if (after === null)
    throw badUserInput(`"${afterId}" is not an eventId`, [{ field: 'after', message: 'not an eventId' }]);
  await checkRetention(ctx, after);
  const limit = Math.min(Math.max(first, 1), 1000);
  const rows = (await ctx.db.query(
    // Ordered by the bigint column itself: the text alias sorted "1000" before "968" and skipped events.
    `SELECT o.position::text AS position, o.payload FROM outbox o
     WHERE o.type = $1 AND o.position > $2::bigint AND ${where}
     ORDER BY o.position LIMIT $3`,
    [type, after.toString(), limit + 1, ...params],
  )) as RetainedEvent<P>[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

async function checkRetention(ctx: OrdersContext, after: bigint): Promise<void> {
  const [state] = (await ctx.db.query(
    `SELECT (SELECT through_position::text FROM outbox_pruned) AS pruned,
            (SELECT coalesce(max(position), 0)::text FROM outbox) AS newest,
            (SELECT occurred_at < now() - make_interval(secs => $2::double precision * 3600)
            FROM outbox WHERE position = $1) AS too_old`,
    [after.toString(), ctx.config.outboxRetentionHours],
  )) as { pruned: string; newest: string; too_old: boolean | null }[];
  if (after > 0n && (after <= BigInt(state.pruned) || state.too_old)) {
    throw new AppError(
      'REPLAY_EXPIRED',
      `Event ${eventIdOfPosition(after)} is older than the ${ctx.config.outboxRetentionHours} h retention`,
      {
        retentionHours: ctx.config.outboxRetentionHours,
      },
    );
  }
  if (after > BigInt(state.newest)) {
    throw badUserInput(`No event ${eventIdOfPosition(after)} has been published`, [
      { field: 'after', message: 'unknown eventId' },
    ]);
  }
}

function toRecord(row: RetainedEvent<OrderStatusChanged>): OrderStatusEventRecord {
  const p = row.payload;
  return {
    eventId: eventIdOfPosition(row.position),
    orderId: p.orderId,
    customerId: p.customerId,
    channel: p.channel,
    from: p.from as OrderStatus | null,
    to: p.to as OrderStatus,
    version: p.version,
    at: new Date(p.at),
  };
}
