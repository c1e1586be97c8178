import type { SubgraphContext } from '@supply-graph/shared';
import { createChannelLoaders, type ChannelLoaders } from './modules/channel/channel.loader';
import { createCustomerOrderLoaders, type CustomerOrderLoaders } from './modules/customer-orders/customer-orders.loader';
import { createOrderLoaders, type OrderLoaders } from './modules/order/order.loader';
import { createWebhookLoaders, type WebhookLoaders } from './modules/webhooks/webhook.loader';

export interface OrdersContext extends SubgraphContext {
  loaders: ChannelLoaders & OrderLoaders & CustomerOrderLoaders & WebhookLoaders;
}

/** Adds this request's DataLoaders to the base context. */
export function createContext(base: SubgraphContext): OrdersContext {
  return {
    ...base,
    loaders: {
      ...createChannelLoaders(base.db),
      ...createOrderLoaders(base.db),
      ...createCustomerOrderLoaders(base.db),
      ...createWebhookLoaders(base.db),
    },
  };
}
