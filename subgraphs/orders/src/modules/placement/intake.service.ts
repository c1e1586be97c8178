import { badUserInput } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { adapterFor, SUPPORTED_CHANNELS } from '../intake/adapter-registry';
import type { IntakeResult } from '../intake/normalized-order';
import { normalizePlaceOrderInput } from '../intake/place-order-input';
import { placeNormalizedOrder, type PlacedOrder } from './place-order.service';

/** Turns an adapter's verdict into an order, or into one BAD_USER_INPUT listing every problem. */
async function accept(ctx: OrdersContext, result: IntakeResult): Promise<PlacedOrder> {
  if (!result.ok) {
    const summary = result.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw badUserInput(`The order was rejected: ${summary}`, result.problems);
  }
  return placeNormalizedOrder(ctx, result.order);
}

/** `placeOrder`: the unified shape (web store and any client). */
export function placeOrder(ctx: OrdersContext, input: unknown, receivedAt = new Date()): Promise<PlacedOrder> {
  return accept(ctx, normalizePlaceOrderInput(input, { receivedAt }));
}

/** `importChannelOrder`: a raw payload in the channel's own format, read by that channel's adapter. */
export function importChannelOrder(ctx: OrdersContext, channel: string, payload: unknown, receivedAt = new Date()): Promise<PlacedOrder> {
  const adapter = adapterFor(channel.trim().toLowerCase());
  if (!adapter) {
    throw badUserInput(`No adapter reads channel "${channel}"; supported: ${SUPPORTED_CHANNELS.join(', ')}`, [
      { field: 'channel', message: `unknown channel "${channel}"` },
    ]);
  }
  return accept(ctx, adapter.parse(payload, { receivedAt }));
}
