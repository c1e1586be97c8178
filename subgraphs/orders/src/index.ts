import {
  consumerRetryMigration,
  entityChangesMigration,
  eventTablesMigration,
  outboxTraceMigration,
  outboxPositionsMigration,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { createContext, type OrdersContext } from './context';
import { CreateOrders1764000100000 } from './db/migrations/1764000100000-CreateOrders';
import { Fulfilment1764200000000 } from './db/migrations/1764200000000-Fulfilment';
import { PresaleLines1764400000000 } from './db/migrations/1764400000000-PresaleLines';
import { IntakeQualityAndKpis1764310000000 } from './db/migrations/1764310000000-IntakeQualityAndKpis';
import { OrderTax1764500000000 } from './db/migrations/1764500000000-OrderTax';
import { Risk1764340000000 } from './db/migrations/1764340000000-Risk';
import { Webhooks1764800000000 } from './db/migrations/1764800000000-Webhooks';
import { ParkedEvents1764960000000 } from './db/migrations/1764960000000-ParkedEvents';
import { ApiClients1765000000000 } from './db/migrations/1765000000000-ApiClients';
import { WebhookOwners1765100000000 } from './db/migrations/1765100000000-WebhookOwners';
import { SealedWebhookSecrets1765150000000 } from './db/migrations/1765150000000-SealedWebhookSecrets';
import { LocalCatalogueAndAsyncBuyer1764910000000 } from './db/migrations/1764910000000-LocalCatalogueAndAsyncBuyer';
import { AuditTrail1765050000000 } from './db/migrations/1765050000000-AuditTrail';
import { IntakeFlags1765310000000 } from './db/migrations/1765310000000-IntakeFlags';
import { Desk1765300000000 } from './db/migrations/1765300000000-Desk';
import { deskSettingsOf, riskSettingsOf } from './config';
import { deskConsumers } from './modules/desk/desk.consumer';
import { deskEscalationJob } from './modules/desk/escalation.job';
import { leastLoadedAssignment } from './modules/desk/least-loaded-assignment.strategy';
import { Returns1765305000000 } from './db/migrations/1765305000000-Returns';
import { auditConsumers } from './modules/audit/audit.consumer';
import { catalogueRequestJob } from './modules/catalogue/catalogue-request.job';
import { productCatalogueConsumers } from './modules/catalogue/product-catalogue.consumer';
import { buyerIdentifiedConsumers } from './modules/placement/buyer-identified.consumer';
import { fulfilmentConsumers } from './modules/lifecycle/fulfilment.consumer';
import { returnConsumers } from './modules/returns/return-progress.consumer';
import { parkedEventConsumers } from './modules/parked-events/parked-events.consumer';
import { webhookDispatchJob } from './modules/webhooks/webhook-dispatcher.job';
import { webhookResealJob } from './modules/webhooks/webhook-reseal.job';
import { webhookRetentionJob } from './modules/webhooks/webhook-retention.job';
import { webhookConsumers } from './modules/webhooks/webhook-fanout.consumer';
import { ChannelEntity } from './modules/channel/channel.entity';
import { OrderLineEntity } from './modules/order/order-line.entity';
import { OrderStatusChangeEntity } from './modules/order/order-status-change.entity';
import { OrderEntity } from './modules/order/order.entity';
import { buildOrdersSchema } from './schema';
import { defaultOrdersStrategies, type OrdersStrategies } from './strategies';

export { DEV_WEBHOOK_SECRET_KEY, loadOrdersConfig } from './config';
export { ordersEmpty, seedOrders } from './db/seed';
export { SUPPORTED_CHANNELS } from './modules/intake/adapter-registry';
export { defaultOrdersStrategies, type OrdersStrategies } from './strategies';
export { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './modules/webhooks/webhook-signature';

/**
 * The orders subgraph: channels, orders, their lines and status history, and
 * customers' order figures, composed with its strategies (the defaults unless
 * given): requests and event consumers get the same ones.
 */
export function createOrdersSubgraph(
  strategies: OrdersStrategies = defaultOrdersStrategies(),
): SubgraphDefinition<OrdersContext> {
  return {
    name: 'orders',
    entities: [ChannelEntity, OrderEntity, OrderLineEntity, OrderStatusChangeEntity],
    migrations: [
      CreateOrders1764000100000,
      eventTablesMigration(1764100000000),
      Fulfilment1764200000000,
      IntakeQualityAndKpis1764310000000,
      Risk1764340000000,
      PresaleLines1764400000000,
      OrderTax1764500000000,
      outboxPositionsMigration(1764700000000),
      Webhooks1764800000000,
      LocalCatalogueAndAsyncBuyer1764910000000,
      consumerRetryMigration(1764950000000),
      ParkedEvents1764960000000,
      ApiClients1765000000000,
      AuditTrail1765050000000,
      WebhookOwners1765100000000,
      SealedWebhookSecrets1765150000000,
      entityChangesMigration(1765200000000, 'orders'),
      outboxTraceMigration(1765250000000),
      Desk1765300000000,
      Returns1765305000000,
      IntakeFlags1765310000000,
    ],
    buildSchema: buildOrdersSchema,
    createContext: (base) => createContext(base, strategies),
    consumers: (config) => [
      ...fulfilmentConsumers(),
      ...webhookConsumers(),
      ...productCatalogueConsumers(),
      ...buyerIdentifiedConsumers(
        riskSettingsOf(config),
        strategies.riskRules(riskSettingsOf(config)),
        deskSettingsOf(config).riskFeedback,
      ),
      ...parkedEventConsumers(),
      ...auditConsumers(),
      ...deskConsumers(deskSettingsOf(config), strategies.workItemAssignment ?? leastLoadedAssignment),
      ...returnConsumers(),
    ],
    jobs: [
      webhookDispatchJob,
      webhookRetentionJob,
      webhookResealJob(),
      catalogueRequestJob,
      deskEscalationJob(strategies.workItemAssignment ?? leastLoadedAssignment),
    ],
  };
}

/** The orders subgraph with its default strategies. */
export const ordersSubgraph = createOrdersSubgraph();
