import { BoundedArg, Bounds, JSONScalar, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { cancelOrder } from '../lifecycle/cancel-order.service';
import { importChannelOrder, placeOrder } from '../placement/intake.service';
import type { PlacedOrder } from '../placement/place-order.service';
import { orderService } from './order.service';
import { PlaceOrderInput } from './order.input';
import { Order, OrderPayload } from './order.type';

async function payload(ctx: OrdersContext, placed: PlacedOrder): Promise<OrderPayload> {
  return { order: await orderService.findById(ctx, placed.orderId), created: placed.created };
}

@Resolver()
export class OrderFlowResolver {
  @RequiresScopes('orders:write')
  @Mutation(() => OrderPayload, {
    description:
      'Places an order in the unified shape. Repeat-safe: (channel, externalId) identifies it, and a repeat answers ' +
      'the first order with created: false. Invalid input is BAD_USER_INPUT listing every problem; nothing is ' +
      "stored. FORBIDDEN, nothing stored, into a channel outside the caller's.",
  })
  async placeOrder(
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return payload(ctx, await placeOrder(ctx, input));
  }

  @RequiresScopes('orders:write')
  @Mutation(() => OrderPayload, {
    description:
      "Imports a raw order payload in the channel's own format (Shopify, Amazon SP-API, Tmall, JD, Douyin, POS CSV). " +
      "FORBIDDEN, nothing stored, into a channel outside the caller's.",
  })
  async importChannelOrder(
    @BoundedArg('channel', () => String, Bounds.code) channel: string,
    @BoundedArg('payload', () => JSONScalar, Bounds.channelPayload) raw: unknown,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return payload(ctx, await importChannelOrder(ctx, channel, raw));
  }

  @RequiresScopes('orders:write')
  @Mutation(() => Order, {
    description:
      'Cancels an order and releases its stock; CONFLICT when its status does not allow it; FORBIDDEN for an order ' +
      "of a channel outside the caller's.",
  })
  async cancelOrder(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('reason', () => String, Bounds.reason, { nullable: true }) reason: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order> {
    await cancelOrder(ctx, id, reason);
    return (await orderService.findById(ctx, id))!;
  }
}
