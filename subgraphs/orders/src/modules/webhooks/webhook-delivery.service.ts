import { conflict, isUuid, notFound, returnedRows, type Page } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { orderService } from '../order/order.service';
import type { Order } from '../order/order.type';
import { DELIVERY_COLUMNS, listPageArgs, toDelivery, toWebhook, type DeliveryRow } from './webhook.row';
import type { Webhook, WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from './webhook.type';

/** Reading deliveries and their attempts, and re-sending one: of the caller's own webhooks only. */
export const webhookDeliveryService = {
  /** Null for an unknown id and for a delivery of another caller's webhook. */
  async findById(ctx: OrdersContext, id: string): Promise<WebhookDelivery | null> {
    if (!isUuid(id)) return null;
    const rows = (await ctx.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
        WHERE d.id = $1 AND w.owner_sub = $2`,
      [id, ctx.principal.sub],
    )) as DeliveryRow[];
    return rows.length ? toDelivery(rows[0]) : null;
  },

  /** A webhook's deliveries, newest first, optionally of one status. */
  deliveries(
    ctx: OrdersContext,
    webhook: Webhook,
    args: { status: WebhookDeliveryStatus | null; first: number | null; after: string | null },
  ): Promise<Page<WebhookDelivery>> {
    const page = listPageArgs(args.first, args.after);
    return ctx.loaders.deliveriesByWebhook.load({ webhookId: webhook.id, args: { status: args.status, ...page } });
  },

  /** Oldest first, across re-sends. */
  attempts(ctx: OrdersContext, delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return ctx.loaders.attemptsByDeliveryId.load(delivery.id);
  },

  async webhook(ctx: OrdersContext, delivery: WebhookDelivery): Promise<Webhook> {
    const row = await ctx.loaders.webhookById.load(delivery.webhookId);
    // webhook_id is a foreign key: a missing webhook means a broken database.
    if (!row) throw new Error(`delivery ${delivery.id} references unknown webhook ${delivery.webhookId}`);
    return toWebhook(row);
  },

  order(ctx: OrdersContext, delivery: WebhookDelivery): Promise<Order> {
    return orderService.requireById(ctx, delivery.orderId, `delivery ${delivery.id}`);
  },

  /**
   * Sends a delivery again, whatever its status: PENDING and due now, with a
   * fresh retry schedule and the same event id (the partner's dedup key); its
   * earlier attempts stay in the history. An attempt running meanwhile loses
   * its lease and leaves the state alone. NOT_FOUND for an unknown id and for
   * a delivery of another caller's webhook, CONFLICT when the webhook was deactivated.
   */
  async resend(ctx: OrdersContext, id: string): Promise<WebhookDelivery> {
    if (!isUuid(id)) throw notFound('WebhookDelivery', id);
    const row = await ctx.events.transaction(async ({ manager }) => {
      const found = (await manager.query(
        `SELECT w.active FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE d.id = $1 AND w.owner_sub = $2 FOR UPDATE OF d`,
        [id, ctx.principal.sub],
      )) as { active: boolean }[];
      if (!found.length) throw notFound('WebhookDelivery', id);
      if (!found[0].active)
        throw conflict(`The webhook of delivery ${id} was deactivated: its deliveries cannot be re-sent`, { id });
      const [updated] = returnedRows<DeliveryRow>(
        await manager.query(
          `UPDATE webhook_delivery AS d SET status = 'PENDING', next_attempt_at = now(), first_attempt_at = NULL,
             window_attempts = 0, lease = NULL, delivered_at = NULL, dead_at = NULL
           WHERE d.id = $1 RETURNING ${DELIVERY_COLUMNS}`,
          [id],
        ),
      );
      return updated;
    });
    return toDelivery(row);
  },
};
