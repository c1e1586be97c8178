import { EventTypes, notFound, type EventTransaction, type OrderCancelled } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { isUuid } from '@supply-graph/shared';
import { assertOrderWritable } from '../order/channel-access';
import { OrderStatus } from '../order/order.type';
import { targetOrder, transitionOrder } from './order-transition.service';

/**
 * Cancels an order (CONFLICT when its status does not allow it) and tells
 * inventory and logistics, which release its stock and void unused labels.
 * FORBIDDEN for an order of a channel outside the caller's.
 */
export async function cancelOrder(ctx: OrdersContext, orderId: string, reason: string | null): Promise<void> {
  if (!isUuid(orderId)) throw notFound('Order', orderId);
  await assertOrderWritable(ctx, orderId);
  await ctx.events.transaction(async (tx) => {
    await targetOrder(ctx, tx, orderId);
    await cancelInTransaction(tx, orderId, reason);
  });
  ctx.loaders.orderById.clear(orderId);
}

/** The cancellation inside the caller's transaction (an operator's, or a risk hold resolved as FRAUD). */
export async function cancelInTransaction(tx: EventTransaction, orderId: string, reason: string | null): Promise<void> {
  const result = await transitionOrder(tx, orderId, OrderStatus.CANCELLED, reason ?? 'cancelled');
  const payload: OrderCancelled = { orderId, reason };
  await tx.emit({
    type: EventTypes.orderCancelled,
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: result.version,
    payload,
  });
}
