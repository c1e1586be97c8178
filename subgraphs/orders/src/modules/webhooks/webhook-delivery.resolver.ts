import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { Order } from '../order/order.type';
import { webhookDeliveryService } from './webhook-delivery.service';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.type';

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @RequiresScopes('webhooks:manage')
  @Query(() => WebhookDelivery, {
    nullable: true,
    description:
      "A delivery of one of the caller's own webhooks by id; null when there is none or it is another caller's.",
  })
  webhookDelivery(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return webhookDeliveryService.findById(ctx, id);
  }

  @RequiresScopes('webhooks:manage')
  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivery again now (PENDING, a fresh retry schedule, the same event id), e.g. a DEAD one once the ' +
      "partner is fixed. Earlier attempts stay listed. NOT_FOUND for an unknown id and another caller's delivery; " +
      'CONFLICT when its webhook was deactivated.',
  })
  resendWebhookDelivery(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return webhookDeliveryService.resend(ctx, id);
  }

  @FieldResolver(() => Webhook)
  webhook(@Root() delivery: WebhookDelivery, @Ctx() ctx: OrdersContext) {
    return webhookDeliveryService.webhook(ctx, delivery);
  }

  @FieldResolver(() => Order, { description: 'The order whose status changed, as it is now.' })
  order(@Root() delivery: WebhookDelivery, @Ctx() ctx: OrdersContext) {
    return webhookDeliveryService.order(ctx, delivery);
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, oldest first, re-sends included.' })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() ctx: OrdersContext) {
    return webhookDeliveryService.attempts(ctx, delivery);
  }
}
