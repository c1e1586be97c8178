import { AppError, seesChannel, type Page } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { Channel } from '../channel/channel.type';
import { channelService } from '../channel/channel.service';
import type { CustomerRef } from '../customer-orders/customer-ref.type';
import { findOrderPage, orderPageArgs } from './order-page';
import type { OrderFilter } from './order.input';
import { ORDER_COLUMNS, toOrder, type OrderRow } from './order.row';
import { OrderStatus, type Order, type OrderLine, type OrderStatusChange } from './order.type';

export interface OrderListArgs {
  first?: number | null;
  after?: string | null;
  filter?: OrderFilter | null;
}

/** Reads of orders and their relations. Writes live in placement/ (intake) and lifecycle/ (status changes). */
export const orderService = {
  async findById(ctx: OrdersContext, id: string): Promise<Order | null> {
    const row = await ctx.loaders.orderById.load(id);
    return row && toOrder(row);
  },

  /**
   * An order the request depends on (an event's, a webhook delivery's): FORBIDDEN when it is of a channel
   * outside the caller's, rather than a null where the schema promises an order.
   */
  async requireById(ctx: OrdersContext, id: string, what: string): Promise<Order> {
    const order = await this.findById(ctx, id);
    if (order) return order;
    if (ctx.principal.channels !== null)
      throw new AppError('FORBIDDEN', `The order of ${what} is not of a channel this caller may see`);
    throw new Error(`order ${id} of ${what} does not exist`);
  },

  /** The order a channel knows by its own number; channel codes are case-insensitive. Null for another channel's. */
  async findByExternalId(ctx: OrdersContext, channel: string, externalId: string): Promise<Order | null> {
    const code = channel.trim().toLowerCase();
    if (!seesChannel(ctx.principal, code)) return null;
    const rows = (await ctx.db.query(
      `SELECT ${ORDER_COLUMNS} FROM sales_order o WHERE o.channel_code = $1 AND o.external_id = $2`,
      [code, externalId],
    )) as OrderRow[];
    return rows.length ? toOrder(rows[0]) : null;
  },

  /** The orders matching the filter within the caller's channels, newest first (placedAt, then id, descending). */
  list(ctx: OrdersContext, args: OrderListArgs): Promise<Page<Order>> {
    return findOrderPage(ctx.db, orderPageArgs(args.first, args.after, args.filter, ctx.principal));
  },

  async channel(ctx: OrdersContext, order: Order): Promise<Channel> {
    const channel = await channelService.findByCode(ctx, order.channelCode);
    // channel_code is a foreign key, so a missing channel means a broken database.
    if (!channel) throw new Error(`order ${order.id} references unknown channel ${order.channelCode}`);
    return channel;
  },

  customer(order: Order): CustomerRef | null {
    return order.customerId ? { id: order.customerId } : null;
  },

  async lines(ctx: OrdersContext, order: Order): Promise<OrderLine[]> {
    const rows = await ctx.loaders.linesByOrderId.load(order.id);
    return rows.map((row) => ({
      orderId: order.id,
      lineNo: row.lineNo,
      sku: row.sku,
      product: { sku: row.sku },
      quantity: row.quantity,
      unitPrice: { amount: row.unitPrice, currency: order.currency },
      presale: row.presale,
    }));
  },

  async statusHistory(ctx: OrdersContext, order: Order): Promise<OrderStatusChange[]> {
    const rows = await ctx.loaders.historyByOrderId.load(order.id);
    return rows.map((row) => ({
      from: row.fromStatus && OrderStatus[row.fromStatus],
      to: OrderStatus[row.toStatus],
      at: row.at,
      reason: row.reason,
    }));
  },
};
