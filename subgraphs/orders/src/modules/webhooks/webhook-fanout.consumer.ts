import { eventIdOfPosition, EventTypes, type ConsumerDefinition, type OrderStatusChanged } from '@supply-graph/shared';

/**
 * Turns each order status change into one PENDING delivery, due now, per
 * active webhook whose filter matches (each of orderId, customerId and
 * channel null = any; channel case-insensitive) and whose owner may see the
 * event: it has one, the event's channel is among its channels, and it is not
 * a disabled API client. It runs in the consumer's transaction with the inbox
 * insert, and the (webhook, event) key is unique, so a redelivered event adds nothing.
 */
export function webhookConsumers(): ConsumerDefinition[] {
  return [
    {
      consumer: 'orders.webhooks',
      types: [EventTypes.orderStatusChanged],
      async handle(event, tx) {
        // The relay numbers every event before it publishes it. One without a number could not be
        // given the id partners deduplicate by (the one subscribers see), so it is not sent at all.
        if (!event.position) return;
        const change = event.payload as OrderStatusChanged;
        await tx.manager.query(
          `INSERT INTO webhook_delivery
             (id, webhook_id, event_id, order_id, customer_id, channel, from_status, to_status,
             event_at, status, next_attempt_at)
           SELECT gen_random_uuid(), w.id, $1::text, $2::uuid, $3::uuid, $4::text,
           $5::text, $6::text, $7::timestamptz, 'PENDING', now()
           FROM webhook w
           WHERE w.active
             -- Filters are stored lower-cased (registration), as uuid::text is.
             AND (w.order_id IS NULL OR w.order_id = $2::uuid::text)
             AND (w.customer_id IS NULL OR w.customer_id = $3::uuid::text)
             AND (w.channel IS NULL OR w.channel = lower($4::text))
             AND w.owner_sub IS NOT NULL
             AND (w.owner_channels IS NULL OR lower($4::text) = ANY(w.owner_channels))
             AND NOT EXISTS (SELECT 1 FROM api_client c WHERE w.owner_kind = 'client'
             AND c.client_id = w.owner_sub AND c.disabled_at IS NOT NULL)
           ON CONFLICT (webhook_id, event_id) DO NOTHING`,
          [
            eventIdOfPosition(event.position),
            change.orderId,
            change.customerId,
            change.channel,
            change.from,
            change.to,
            change.at,
          ],
        );
      },
    },
  ];
}
