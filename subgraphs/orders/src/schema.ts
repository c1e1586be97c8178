import { createPubSub } from '@graphql-yoga/subscription';
import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { OrdersContext } from './context';
import { ApiClientResolver } from './modules/api-clients/api-client.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { ChannelResolver } from './modules/channel/channel.resolver';
import { channelService } from './modules/channel/channel.service';
import { DeskResolver } from './modules/desk/desk.resolver';
import { OperatorResolver } from './modules/desk/operator.resolver';
import { WorkItemEventsResolver } from './modules/desk/work-item-events.resolver';
import { CustomerOrdersResolver } from './modules/customer-orders/customer-orders.resolver';
import { OrderReviewResolver } from './modules/lifecycle/order-review.resolver';
import { IntakeQualityResolver } from './modules/intake-quality/intake-quality.resolver';
import { KpiResolver } from './modules/kpi/kpi.resolver';
import { OrderEventFeedResolver } from './modules/order-events/order-event-feed.resolver';
import { OrderEventsResolver } from './modules/order/order-events.resolver';
import { OrderFlowResolver } from './modules/order/order-flow.resolver';
import { OrderResolver } from './modules/order/order.resolver';
import { ParkedEventsResolver } from './modules/parked-events/parked-events.resolver';
import { BatchIntakeResolver } from './modules/placement/batch-intake.resolver';
import { orderService } from './modules/order/order.service';
import { OrderLineReturnsResolver, OrderReturnsResolver } from './modules/returns/order-returns.resolver';
import { ReturnKpiResolver } from './modules/returns/return-kpi.resolver';
import { ReturnResolver } from './modules/returns/return.resolver';
import { returnService } from './modules/returns/return.service';
import { ReturnImportResolver } from './modules/returns/return-import.resolver';
import { WebhookDeliveryResolver } from './modules/webhooks/webhook-delivery.resolver';
import { WebhookResolver } from './modules/webhooks/webhook.resolver';

export function buildOrdersSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ChannelResolver,
        OrderResolver,
        OrderFlowResolver,
        OrderEventsResolver,
        OrderEventFeedResolver,
        CustomerOrdersResolver,
        BatchIntakeResolver,
        IntakeQualityResolver,
        KpiResolver,
        OrderReviewResolver,
        WebhookResolver,
        WebhookDeliveryResolver,
        ParkedEventsResolver,
        ApiClientResolver,
        AuditResolver,
        DeskResolver,
        OperatorResolver,
        WorkItemEventsResolver,
        ReturnResolver,
        OrderReturnsResolver,
        OrderLineReturnsResolver,
        ReturnKpiResolver,
        ReturnImportResolver,
      ],
      scalarsMap,
      // type-graphql insists on a pub/sub for @Subscription; the gateway serves it from the bus instead.
      pubSub: createPubSub(),
    },
    {
      Channel: {
        __resolveReference: (ref: { code: string }, ctx: OrdersContext) => channelService.findByCode(ctx, ref.code),
      },
      Order: {
        __resolveReference: (ref: { id: string }, ctx: OrdersContext) => orderService.findById(ctx, ref.id),
      },
      Return: {
        __resolveReference: (ref: { id: string }, ctx: OrdersContext) => returnService.find(ctx, ref.id),
      },
      // Nothing to load: the Customer's fields here are computed from its id alone.
      Customer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
