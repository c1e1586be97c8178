import { EventTypes, type EventTransaction, type OrderStatusChanged } from '@supply-graph/shared';
import { OrderStatus } from '../order/order.type';
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
 * An invalid transition is a CONFLICT naming both statuses.
 */
export async function transitionOrder(
  tx: EventTransaction,
  orderId: string,
  to: OrderStatus,
  reason: string | null,
  at: Date = new Date(),
): Promise<TransitionResult> {
  const rows = (await tx.manager.query(
    `UPDATE sales_order o SET status = $2, version = o.version + 1, updated_at = now()
     FROM (SELECT id, status AS previous FROM sales_order WHERE id = $1 FOR UPDATE) p
     WHERE o.id = p.id AND p.previous = ANY($3::text[])
     RETURNING o.id, p.previous AS status, o.version, o.customer_id, o.channel_code`,
    [orderId, to, sourcesOf(to)],
  )) as [Row[], number] | Row[];
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as Row[];
  if (!updated.length) {
    const current = (await tx.manager.query('SELECT status FROM sales_order WHERE id = $1', [orderId])) as { status: OrderStatus }[];
    if (!current.length) throw new Error(`order ${orderId} does not exist`);
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
  await tx.emit({ type: EventTypes.orderStatusChanged, aggregateType: 'order', aggregateId: orderId, aggregateVersion: row.version, payload });
  return { orderId, from: row.status, to, version: row.version };
}
