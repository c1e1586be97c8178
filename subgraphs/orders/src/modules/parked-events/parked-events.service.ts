import { randomUUID } from 'node:crypto';
import {
  AppError,
  EventTypes,
  badUserInput,
  conflict,
  insertRow,
  isUuid,
  notFound,
  returnedRows,
  type ConsumerEventParked,
  type ConsumerEventRetried,
  type ConsumerRetryRequested,
  type EventTransaction,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { canTransition } from '../lifecycle/order-status.machine';
import { releaseInTransaction } from '../lifecycle/release-order.service';
import { transitionOrder } from '../lifecycle/order-transition.service';
import { OrderStatus } from '../order/order.type';
import { ParkedEventStatus, type ParkedEvent } from './parked-event.type';

export const MAX_PARKED_EVENTS_PAGE = 200;

export interface ParkedEventFilter {
  service: string | null;
  consumer: string | null;
  status: ParkedEventStatus | null;
}

const COLUMNS = `id, service, consumer, event_id AS "eventId", event_type AS "eventType",
  aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", order_id AS "orderId", error, attempts,
  parked_at AS "parkedAt", status, retried_at AS "retriedAt"`;

/** Longest hold reason kept on the order's history; the full error stays on the parked event. */
const MAX_REASON = 500;

/**
 * SQL condition on `parked_event`: a parked event is of the channel of the
 * order it concerns. With the caller's channels in the `text[]` parameter
 * `param` (NULL: every channel), only events whose order is of one of them
 * match: an event without an order, or whose order is unknown here, is of no
 * channel and stays hidden from a channel-scoped caller.
 */
const inChannels = (param: string) =>
  `(${param}::text[] IS NULL OR EXISTS (SELECT 1 FROM sales_order o WHERE o.id = parked_event.order_id AND
    o.channel_code = ANY(${param}::text[])))`;

export const parkedEventsService = {
  /**
   * Newest first; each filter is optional; `first` is 1..200; a channel-scoped caller's channels only (see inChannels).
   */
  async list(ctx: OrdersContext, filter: ParkedEventFilter, first: number): Promise<ParkedEvent[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PARKED_EVENTS_PAGE) {
      throw badUserInput(`first must be between 1 and ${MAX_PARKED_EVENTS_PAGE}, got ${first}`, [
        { field: 'first', message: `must be between 1 and ${MAX_PARKED_EVENTS_PAGE}` },
      ]);
    }
    return (await ctx.db.query(
      `SELECT ${COLUMNS} FROM parked_event
       WHERE ($1::text IS NULL OR service = $1) AND ($2::text IS NULL OR consumer = $2)
       AND ($3::text IS NULL OR status = $3)
         AND ${inChannels('$5')}
       ORDER BY parked_at DESC, id DESC LIMIT $4`,
      [filter.service?.trim() || null, filter.consumer?.trim() || null, filter.status, first, ctx.principal.channels],
    )) as ParkedEvent[];
  },

  /**
   * Asks the owning service to run the parked event's handler again
   * (`consumer.retry-requested`); the answer comes back as
   * `consumer.event-retried`. CONFLICT when it was already handled or a retry
   * is under way; FORBIDDEN, with nothing stored, when a channel-scoped caller
   * may not see it (see inChannels).
   */
  async requestRetry(ctx: OrdersContext, id: string): Promise<ParkedEvent> {
    if (!isUuid(id)) throw notFound('ParkedEvent', id);
    return ctx.events.transaction(async (tx) => {
      const [row] = (await tx.manager.query(
        `SELECT ${COLUMNS}, version, ${inChannels('$2')} AS visible FROM parked_event WHERE id = $1 FOR UPDATE`,
        [id, ctx.principal.channels],
      )) as (ParkedEvent & { version: number; visible: boolean })[];
      if (!row) throw notFound('ParkedEvent', id);
      if (!row.visible) {
        throw new AppError('FORBIDDEN', "This caller may not retry events outside its channels' orders", {
          id,
          channels: ctx.principal.channels,
        });
      }
      if (row.status === ParkedEventStatus.RETRIED || row.status === ParkedEventStatus.RETRY_REQUESTED) {
        throw conflict(`Parked event ${id} is ${row.status} and cannot be retried now`, { id, status: row.status });
      }
      const [updated] = returnedRows<ParkedEvent & { version: number }>(
        await tx.manager.query(
          `UPDATE parked_event SET status = 'RETRY_REQUESTED', retry_requested_at = now(), version = version + 1,
            updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}, version`,
          [id],
        ),
      );
      const payload: ConsumerRetryRequested = { service: row.service, consumer: row.consumer, eventId: row.eventId };
      await tx.emit({
        type: EventTypes.consumerRetryRequested,
        aggregateType: 'parked-event-retry',
        aggregateId: id,
        aggregateVersion: updated.version,
        payload,
      });
      const { version: _version, ...event } = updated;
      return event;
    });
  },
};

/** The columns of `parked_event` a newly parked event sets (the rest have defaults). */
interface ParkedEventInsert {
  id: string;
  service: string;
  consumer: string;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  order_id: string | null;
  error: string;
  attempts: number;
  parked_at: string;
  status: ParkedEventStatus;
}

/**
 * A service parked an event: list it (again, if it was parked anew) and, when
 * it concerns an order that is not allocated yet, hold the order with the
 * consumer and the error as the reason, so it does not sit PENDING forever.
 */
export async function recordParked(tx: EventTransaction, parked: ConsumerEventParked): Promise<void> {
  const orderId = parked.orderId && isUuid(parked.orderId) ? parked.orderId : null;
  const [row] = await insertRow<ParkedEventInsert, { id: string }>(
    tx.manager,
    'parked_event',
    {
      id: randomUUID(),
      service: parked.service,
      consumer: parked.consumer,
      event_id: parked.eventId,
      event_type: parked.eventType,
      aggregate_type: parked.aggregateType,
      aggregate_id: parked.aggregateId,
      order_id: orderId,
      error: parked.error,
      attempts: parked.attempts,
      parked_at: parked.parkedAt,
      status: ParkedEventStatus.PARKED,
    },
    {
      onConflict: `(service, consumer, event_id) DO UPDATE
        SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, parked_at = EXCLUDED.parked_at, status = 'PARKED',
            version = parked_event.version + 1, updated_at = now()`,
      returning: 'id',
    },
  );
  if (!orderId) return;
  const [order] = (await tx.manager.query('SELECT status FROM sales_order WHERE id = $1 FOR UPDATE', [orderId])) as {
    status: OrderStatus;
  }[];
  if (!order || !canTransition(order.status, OrderStatus.ON_HOLD)) return;
  const attempts = `after ${parked.attempts} attempt(s)`;
  const reason = `${parked.consumer} could not handle ${parked.eventType} ${attempts}: ${parked.error}`;
  const held = await transitionOrder(
    tx,
    orderId,
    OrderStatus.ON_HOLD,
    reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 3)}...` : reason,
  );
  await tx.manager.query('UPDATE parked_event SET hold_version = $2 WHERE id = $1', [row.id, held.version]);
}

/**
 * The owning service answered a retry. Handled: RETRIED, and the order held
 * for the event is released if nothing moved it since (inventory then
 * announces what the retry reserved, and the order moves on). Failed:
 * FAILED_AGAIN with the new error.
 */
export async function recordRetried(tx: EventTransaction, retried: ConsumerEventRetried): Promise<void> {
  const [row] = returnedRows<{ id: string; orderId: string | null; holdVersion: number | null }>(
    await tx.manager.query(
      `UPDATE parked_event SET status = $4, error = coalesce($5, error), attempts = attempts + $6, retried_at = $7,
       version = version + 1, updated_at = now()
     WHERE service = $1 AND consumer = $2 AND event_id = $3 AND status <> 'RETRIED'
     RETURNING id, order_id AS "orderId", hold_version AS "holdVersion"`,
      [
        retried.service,
        retried.consumer,
        retried.eventId,
        retried.ok ? 'RETRIED' : 'FAILED_AGAIN',
        retried.error,
        retried.ok ? 0 : 1,
        retried.at,
      ],
    ),
  );
  if (!row || !retried.ok || !row.orderId || row.holdVersion === null) return;
  const [order] = (await tx.manager.query('SELECT status, version FROM sales_order WHERE id = $1 FOR UPDATE', [
    row.orderId,
  ])) as {
    status: OrderStatus;
    version: number;
  }[];
  if (order?.status !== OrderStatus.ON_HOLD || order.version !== row.holdVersion) return;
  await releaseInTransaction(tx, row.orderId, `${retried.consumer} handled the parked event on retry`);
}
