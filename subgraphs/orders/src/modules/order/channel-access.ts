import { AppError, isUuid, seesChannel, type Principal } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';

/**
 * FORBIDDEN unless the caller may change this channel's orders. Called before
 * anything is read or stored, so a refused call leaves no trace (no order, no
 * intake record).
 */
export function assertChannelWritable(principal: Principal, channel: string): void {
  if (seesChannel(principal, channel)) return;
  throw new AppError('FORBIDDEN', `This caller may not change orders of channel "${channel}"`, {
    channel,
    channels: principal.channels,
  });
}

/**
 * FORBIDDEN when the order exists and is of a channel the caller may not
 * change. An unknown id passes: the action itself answers NOT_FOUND. The
 * check is outside the action's transaction: an order never changes channel.
 */
export async function assertOrderWritable(ctx: OrdersContext, orderId: string): Promise<void> {
  if (ctx.principal.channels === null || !isUuid(orderId)) return;
  const rows = (await ctx.db.query('SELECT channel_code FROM sales_order WHERE id = $1', [orderId])) as {
    channel_code: string;
  }[];
  if (rows.length) assertChannelWritable(ctx.principal, rows[0].channel_code);
}
