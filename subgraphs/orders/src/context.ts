import type { SubgraphContext } from '@supply-graph/shared';
import type { AssignmentStrategy } from './modules/desk/assignment-strategy';
import { leastLoadedAssignment } from './modules/desk/least-loaded-assignment.strategy';
import { createChannelLoaders, type ChannelLoaders } from './modules/channel/channel.loader';
import {
  createCustomerOrderLoaders,
  type CustomerOrderLoaders,
} from './modules/customer-orders/customer-orders.loader';
import { createOrderLoaders, type OrderLoaders } from './modules/order/order.loader';
import { createReturnLoaders, type ReturnLoaders } from './modules/returns/return.loader';
import { createWebhookLoaders, type WebhookLoaders } from './modules/webhooks/webhook.loader';
import type { OrdersStrategies } from './strategies';

export interface OrdersContext extends SubgraphContext, OrdersStrategies {
  workItemAssignment: AssignmentStrategy;
  loaders: ChannelLoaders & OrderLoaders & CustomerOrderLoaders & WebhookLoaders & ReturnLoaders;
}

/**
 * Adds this request's DataLoaders to the base context. Order reads are
 * limited to the caller's channels and webhook reads to its own webhooks in
 * the loaders' SQL, so every path to an order or a webhook (lookups,
 * references from other subgraphs, nested fields) gets the same answer. The
 * strategies are the ones the subgraph was composed with.
 */
export function createContext(base: SubgraphContext, strategies: OrdersStrategies): OrdersContext {
  // A request always has a principal (the subgraph is sealed). Without one (work of the platform
  // itself, built by hand) every channel is seen and no webhook is owned.
  const channels = base.principal?.channels ?? null;
  return {
    ...base,
    riskRules: strategies.riskRules,
    workItemAssignment: strategies.workItemAssignment ?? leastLoadedAssignment,
    loaders: {
      ...createChannelLoaders(base.db),
      ...createOrderLoaders(base.db, channels),
      ...createCustomerOrderLoaders(base.db, channels),
      ...createReturnLoaders(base.db, channels),
      ...createWebhookLoaders(base.db, base.principal?.sub ?? null),
    },
  };
}
