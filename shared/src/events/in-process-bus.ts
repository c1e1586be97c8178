import type { Logger } from 'pino';
import type { DomainEvent } from './event';
import type { EventBus, EventSubscription } from './event-bus';

/**
 * Delivers events to the subscribers of this process. "Durably taken" means
 * every subscriber handled the event: only then does the relay mark it
 * published, so an event whose handler failed stays in the outbox and comes
 * again (subscribers that already handled it skip it through their inbox).
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: EventSubscription[] = [];

  constructor(private readonly logger: Logger) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      const failures: unknown[] = [];
      for (const subscription of this.subscriptions) {
        if (!subscription.types.includes(event.type)) continue;
        try {
          await subscription.handle(event);
        } catch (err) {
          this.logger.warn({ err, consumer: subscription.consumer, eventId: event.eventId, type: event.type }, 'event handler failed');
          failures.push(err);
        }
      }
      if (failures.length) throw new AggregateError(failures, `${failures.length} handler(s) failed for ${event.type} ${event.eventId}`);
    }
  }

  async subscribe(subscription: EventSubscription): Promise<void> {
    if (this.subscriptions.some((s) => s.consumer === subscription.consumer)) {
      throw new Error(`consumer ${subscription.consumer} is already subscribed`);
    }
    this.subscriptions.push(subscription);
  }

  async close(): Promise<void> {
    this.subscriptions.length = 0;
  }
}
