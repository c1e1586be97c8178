import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { webhookDeliveryService } from './webhook-delivery.service';
import { RegisterWebhookInput, registerWebhookBound } from './webhook.input';
import { webhookService } from './webhook.service';
import { Webhook, WebhookConnection, WebhookDeliveryConnection, WebhookDeliveryStatus } from './webhook.type';

@Resolver(() => Webhook)
export class WebhookResolver {
  @RequiresScopes('webhooks:manage')
  @Query(() => WebhookConnection, { description: "The caller's own webhooks (those it registered), newest first." })
  webhooks(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number | null,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: OrdersContext,
  ) {
    return webhookService.list(ctx, first, after);
  }

  @RequiresScopes('webhooks:manage')
  @Query(() => Webhook, {
    nullable: true,
    description: "One of the caller's own webhooks by id; null when there is none or it is another caller's.",
  })
  webhook(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return webhookService.findById(ctx, id);
  }

  @RequiresScopes('webhooks:manage')
  @Mutation(() => Webhook, {
    description:
      'Registers a partner webhook. BAD_USER_INPUT, listing every problem (url, secret, query, variables), when ' +
      'anything is invalid; nothing is stored then. Deliveries start with the next matching status change. The ' +
      "webhook belongs to the caller: only it sees and manages it, it receives the events of the caller's channels " +
      "only, and its payloads are resolved with the caller's access as it was at registration (e.g. PII masked " +
      "without pii:read). FORBIDDEN for a channel filter outside the caller's channels.",
  })
  registerWebhook(
    @BoundedArg('input', () => RegisterWebhookInput, registerWebhookBound) input: RegisterWebhookInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return webhookService.register(ctx, input);
  }

  @RequiresScopes('webhooks:manage')
  @Mutation(() => Webhook, {
    description:
      "Stops a webhook for good; its pending deliveries become DEAD. Repeat-safe. NOT_FOUND for another caller's " +
      'webhook.',
  })
  deactivateWebhook(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return webhookService.deactivate(ctx, id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Newest first.' })
  deliveries(
    @Root() webhook: Webhook,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20 }) first: number | null,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: OrdersContext,
  ) {
    return webhookDeliveryService.deliveries(ctx, webhook, { status, first, after });
  }
}
