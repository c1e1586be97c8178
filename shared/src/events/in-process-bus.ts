import type { Logger } from 'pino';
import type { DomainEvent } from './event';
import type { EventBus, EventSubscription } from './event-bus';

interface Failure {
  consumer: string;
  event: DomainEvent;
  error: unknown;
}

export interface InProcessBusOptions {
  /** Aggregates a subscriber works on at once; events of one aggregate stay in order. Default 16. */
  concurrency?: number;
}

/**
 * Delivers events to the subscribers of this process. "Durably taken" means
 * every subscriber handled the event: only then does the relay mark it
 * published, so an event whose handler failed stays in the outbox and comes
 * again (subscribers that already handled it skip it through their inbox).
 *
 * A batch is handed to every subscriber at once, and each subscriber works on
 * several aggregates in parallel while keeping each aggregate's events in
 * order: throughput grows with the batch, ordering per order is kept.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: EventSubscription[] = [];
  private readonly concurrency: number;

  constructor(
    private readonly logger: Logger,
    options: InProcessBusOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    const outcomes = await Promise.all(this.subscriptions.map((s) => this.deliver(s, events.filter((e) => s.types.includes(e.type)))));
    const failures = outcomes.flat();
    if (failures.length) {
      const [first] = failures;
      const more = failures.length > 1 ? ` (first: ${first.consumer})` : ` (${first.consumer})`;
      throw new AggregateError(
        failures.map((f) => f.error),
        `${failures.length} handler(s) failed for ${first.event.type} ${first.event.eventId}${more}`,
      );
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

  /** Runs one subscriber over its events; returns the errors (an aggregate stops at its first failure). */
  private async deliver(subscription: EventSubscription, events: DomainEvent[]): Promise<Failure[]> {
    if (!events.length) return [];
    const lanes = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const key = `${event.aggregateType}:${event.aggregateId}`;
      lanes.set(key, [...(lanes.get(key) ?? []), event]);
    }
    const queue = [...lanes.values()];
    const failures: Failure[] = [];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const event of lane) {
          try {
            await subscription.handle(event);
          } catch (err) {
            this.logger.warn({ err, consumer: subscription.consumer, eventId: event.eventId, type: event.type }, 'event handler failed');
            failures.push({ consumer: subscription.consumer, event, error: err });
            // Later events of this aggregate wait for the redelivery: order is kept.
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    return failures;
  }
}
