import type { SubgraphContext } from '@supply-graph/shared';
import { createChannelLoaders, type ChannelLoaders } from './modules/channel/channel.loader';
import { createCustomerOrderLoaders, type CustomerOrderLoaders } from './modules/customer-orders/customer-orders.loader';
import { createOrderLoaders, type OrderLoaders } from './modules/order/order.loader';

export interface OrdersContext extends SubgraphContext {
  loaders: ChannelLoaders & OrderLoaders & CustomerOrderLoaders;
}

/** Adds this request's DataLoaders to the base context. */
export function createContext(base: SubgraphContext): OrdersContext {
  return {
    ...base,
    loaders: {
      ...createChannelLoaders(base.db),
      ...createOrderLoaders(base.db),
      ...createCustomerOrderLoaders(base.db),
    },
  };
}
