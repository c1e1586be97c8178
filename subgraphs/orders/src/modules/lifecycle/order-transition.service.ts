import {
  EventTypes,
  auditTarget,
  conflict,
  notFound,
  returnedRows,
  type EventTransaction,
  type OrderStatusChanged,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { OrderStatus } from '../order/order.type';
import { invalidTransition, sourcesOf } from './order-status.machine';

export interface TransitionResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  version: number;
}

interface Row {
  id: string;
  status: OrderStatus;
  version: number;
  customer_id: string;
  channel_code: string;
}

/**
 * Moves an order to `to` inside the caller's transaction: one guarded UPDATE
 * (only from a status the table allows, so concurrent transitions cannot both
 * win), a history entry, version + 1, and an `order.status-changed` event.
 * An invalid transition is a CONFLICT naming both statuses. An order still
 * awaiting its buyer's identification (stored while customers was down) does
 * not move at all until `buyer.identified` completes it: every status event
 * names a customer, and its first one has not been announced yet.
 */
export async function transitionOrder(
  tx: EventTransaction,
  orderId: string,
  to: OrderStatus,
  reason: string | null,
  at: Date = new Date(),
): Promise<TransitionResult> {
  const updated = returnedRows<Row>(
    await tx.manager.query(
      `UPDATE sales_order o SET status = $2, version = o.version + 1, updated_at = now()
       FROM (SELECT id, status AS previous, customer_id FROM sales_order WHERE id = $1 FOR UPDATE) p
       WHERE o.id = p.id AND p.previous = ANY($3::text[]) AND p.customer_id IS NOT NULL
       RETURNING o.id, p.previous AS status, o.version, o.customer_id, o.channel_code`,
      [orderId, to, sourcesOf(to)],
    ),
  );
  if (!updated.length) {
    const current = (await tx.manager.query('SELECT status, customer_id FROM sales_order WHERE id = $1', [
      orderId,
    ])) as {
      status: OrderStatus;
      customer_id: string | null;
    }[];
    if (!current.length) throw new Error(`order ${orderId} does not exist`);
    if (current[0].customer_id === null) {
      throw conflict(
        `Order ${orderId} is awaiting buyer identification and cannot become ${to} yet; try again shortly`,
        {
          orderId,
          status: current[0].status,
          requested: to,
        },
      );
    }
    throw invalidTransition(orderId, current[0].status, to);
  }
  const [row] = updated;
  await tx.manager.query(
    'INSERT INTO order_status_change (order_id, from_status, to_status, at, reason) VALUES ($1, $2, $3, $4, $5)',
    [orderId, row.status, to, at, reason],
  );
  const payload: OrderStatusChanged = {
    orderId,
    customerId: row.customer_id,
    channel: row.channel_code,
    from: row.status,
    to,
    version: row.version,
    at: at.toISOString(),
    reason,
  };
  await tx.emit({
    type: EventTypes.orderStatusChanged,
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: row.version,
    payload,
  });
  return { orderId, from: row.status, to, version: row.version };
}

/**
 * An operator's action on an order, in its transaction: NOT_FOUND for an unknown id, else the
 * order (and its channel) is named as the audit target before the transition, so a refused one
 * is recorded against the order too.
 */
export async function targetOrder(ctx: OrdersContext, tx: EventTransaction, orderId: string): Promise<void> {
  const [order] = (await tx.manager.query('SELECT channel_code FROM sales_order WHERE id = $1', [orderId])) as {
    channel_code: string;
  }[];
  if (!order) throw notFound('Order', orderId);
  auditTarget(ctx, 'Order', orderId, order.channel_code);
}
