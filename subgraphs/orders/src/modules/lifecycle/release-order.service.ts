import {
  EventTypes,
  auditTarget,
  badUserInput,
  isUuid,
  notFound,
  type EventTransaction,
  type OrderReleased,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { assertOrderWritable } from '../order/channel-access';
import { OrderStatus } from '../order/order.type';
import { targetOrder, transitionOrder } from './order-transition.service';

/**
 * An operator releases a held order: ON_HOLD -> PENDING, and `order.released`
 * (the `order.placed` shape, rebuilt from the stored order) so inventory
 * allocates it now. Any other status is a CONFLICT; an unknown id NOT_FOUND;
 * an order of a channel outside the caller's FORBIDDEN.
 */
export async function releaseOrder(ctx: OrdersContext, orderId: string, reason: string | null): Promise<void> {
  if (!isUuid(orderId)) throw notFound('Order', orderId);
  await assertOrderWritable(ctx, orderId);
  await ctx.events.transaction(async (tx) => {
    const released = await releaseInTransaction(tx, orderId, reason?.trim() || 'released by an operator');
    auditTarget(ctx, 'Order', orderId, released.channel);
  });
  ctx.loaders.orderById.clear(orderId);
}

/**
 * ON_HOLD -> PENDING and `order.released` inside the caller's transaction
 * (an operator's release, or a parked event handled on retry). Inventory
 * answers a released order it already served with the same outcome again
 * (`reannounce`), so a release never reserves twice.
 */
export async function releaseInTransaction(
  tx: EventTransaction,
  orderId: string,
  reason: string,
): Promise<OrderReleased> {
  const released = await readReleased(tx, orderId);
  const result = await transitionOrder(tx, orderId, OrderStatus.PENDING, reason);
  await tx.emit({
    type: EventTypes.orderReleased,
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: result.version,
    payload: released,
  });
  return released;
}

/**
 * An operator holds an order that is not allocated yet, PENDING or
 * BACKORDERED (the transition table allows ON_HOLD from those). The reason is required: it is what the
 * next operator reads before releasing or cancelling. FORBIDDEN for an order
 * of a channel outside the caller's.
 */
export async function holdOrder(ctx: OrdersContext, orderId: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (!why) throw badUserInput('A hold needs a reason', [{ field: 'reason', message: 'is empty' }]);
  if (!isUuid(orderId)) throw notFound('Order', orderId);
  await assertOrderWritable(ctx, orderId);
  await ctx.events.transaction(async (tx) => {
    await targetOrder(ctx, tx, orderId);
    await transitionOrder(tx, orderId, OrderStatus.ON_HOLD, why);
  });
  ctx.loaders.orderById.clear(orderId);
}

interface ReleasedRow {
  customer_id: string;
  channel_code: string;
  placed_at: Date;
  ship_country: string;
  ship_province: string | null;
  ship_city: string | null;
  lines: { lineNo: number; sku: string; quantity: number; presale: boolean }[];
}

/** The order as inventory needs it to allocate: what `order.placed` carried, from the order's own rows. */
async function readReleased(tx: EventTransaction, orderId: string): Promise<OrderReleased> {
  const rows = (await tx.manager.query(
    `SELECT o.customer_id, o.channel_code, o.placed_at, o.ship_country, o.ship_province, o.ship_city,
       (SELECT json_agg(
         json_build_object('lineNo', l.line_no, 'sku', l.sku, 'quantity', l.quantity, 'presale', l.presale)
         ORDER BY l.line_no)
        FROM order_line l WHERE l.order_id = o.id) AS lines
     FROM sales_order o WHERE o.id = $1`,
    [orderId],
  )) as ReleasedRow[];
  if (!rows.length) throw notFound('Order', orderId);
  const [row] = rows;
  return {
    orderId,
    channel: row.channel_code,
    customerId: row.customer_id,
    placedAt: new Date(row.placed_at).toISOString(),
    lines: row.lines ?? [],
    shippingAddress: { country: row.ship_country, province: row.ship_province, city: row.ship_city },
    held: false,
  };
}
