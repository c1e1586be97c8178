import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { OrdersContext } from './context';
import { ChannelResolver } from './modules/channel/channel.resolver';
import { channelService } from './modules/channel/channel.service';
import { CustomerOrdersResolver } from './modules/customer-orders/customer-orders.resolver';
import { OrderFlowResolver } from './modules/order/order-flow.resolver';
import { OrderResolver } from './modules/order/order.resolver';
import { orderService } from './modules/order/order.service';
import { OrderStatusEvent } from './modules/order/order.type';

export function buildOrdersSchema() {
  return buildFederatedSchema(
    {
      resolvers: [ChannelResolver, OrderResolver, OrderFlowResolver, CustomerOrdersResolver],
      // OrderStatusEvent is the payload of the orderStatusChanged subscription, which the gateway serves.
      orphanedTypes: [OrderStatusEvent],
      scalarsMap,
    },
    {
      Channel: {
        __resolveReference: (ref: { code: string }, ctx: OrdersContext) => channelService.findByCode(ctx, ref.code),
      },
      Order: {
        __resolveReference: (ref: { id: string }, ctx: OrdersContext) => orderService.findById(ctx, ref.id),
      },
      // Nothing to load: the Customer's fields here are computed from its id alone.
      Customer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
