import { badUserInput, encodeCursor, isUuid, pageArgs } from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';
import { WebhookDeliveryStatus, type Webhook, type WebhookAttempt, type WebhookDelivery } from './webhook.type';

/**
 * The columns of a webhook read. The secret itself is never selected here:
 * only the delivery path reads it, so no query can leak it.
 */
export const WEBHOOK_COLUMNS = `
  w.id, w.url, w.query, w.variables, w.operation_name AS "operationName", w.order_id AS "orderId",
  w.customer_id AS "customerId", w.channel, w.description, w.active, w.secret_last_four AS "secretLastFour",
  w.created_at AS "createdAt"`;

export interface WebhookRow {
  id: string;
  url: string;
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  orderId: string | null;
  customerId: string | null;
  channel: string | null;
  description: string | null;
  active: boolean;
  secretLastFour: string;
  createdAt: Date;
}

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    query: row.query,
    variables: row.variables,
    operationName: row.operationName,
    filter: { orderId: row.orderId, customerId: row.customerId, channel: row.channel },
    description: row.description,
    active: row.active,
    secretLastFour: row.secretLastFour,
    createdAt: row.createdAt,
  };
}

export const DELIVERY_COLUMNS = `
  d.id, d.webhook_id AS "webhookId", d.event_id AS "eventId", d.order_id AS "orderId", d.from_status AS "fromStatus",
  d.to_status AS "toStatus", d.event_at AS "eventAt", d.status, d.attempts, d.created_at AS "createdAt",
  d.next_attempt_at AS "nextAttemptAt", d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
  d.delivered_at AS "deliveredAt", d.dead_at AS "deadAt"`;

export interface DeliveryRow {
  id: string;
  webhookId: string;
  eventId: string;
  orderId: string;
  fromStatus: string | null;
  toStatus: string;
  eventAt: Date;
  status: string;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhookId,
    orderId: row.orderId,
    eventId: row.eventId,
    from: row.fromStatus === null ? null : OrderStatus[row.fromStatus as keyof typeof OrderStatus],
    to: OrderStatus[row.toStatus as keyof typeof OrderStatus],
    eventAt: row.eventAt,
    status: WebhookDeliveryStatus[row.status as keyof typeof WebhookDeliveryStatus],
    attemptCount: row.attempts,
    createdAt: row.createdAt,
    // A lease moves the time forward while an attempt runs; only a pending delivery is due at all.
    nextAttemptAt: row.status === WebhookDeliveryStatus.PENDING ? row.nextAttemptAt : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    deadAt: row.deadAt,
  };
}

export const ATTEMPT_COLUMNS = `a.delivery_id AS "deliveryId", a.at, a.status_code AS "statusCode", a.error,
  a.duration_ms AS "durationMs"`;

export type AttemptRow = WebhookAttempt & { deliveryId: string };

/** Webhooks and deliveries are both listed newest first: creation time, then id. */
export const listCursor = (row: { createdAt: Date; id: string }): string =>
  encodeCursor(row.createdAt.toISOString(), row.id);

/** Checks `first` and `after` of a webhook or delivery list (BAD_USER_INPUT). */
export function listPageArgs(first: number | null | undefined, after: string | null | undefined) {
  const page = pageArgs(first, after);
  if (!page.after) return { first: page.first, after: null };
  const at = typeof page.after.sortKey === 'string' ? new Date(page.after.sortKey) : null;
  // A well-formed cursor of another list (or a forged one) must not reach SQL as garbage.
  if (!at || Number.isNaN(at.getTime()) || !isUuid(page.after.id)) {
    throw badUserInput('"after" is not a cursor of this list. Use a cursor returned by this API.');
  }
  return { first: page.first, after: { createdAt: at.toISOString(), id: page.after.id.toLowerCase() } };
}
