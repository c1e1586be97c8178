import type { Logger } from 'pino';
import type { DomainEvent } from './event';
import type { EventBus, EventSubscription } from './event-bus';

interface Failure {
  consumer: string;
  event: DomainEvent;
  error: unknown;
}

export interface InProcessBusOptions {
  /** Transactions a subscriber runs at once; events of one aggregate stay in order. Default 16. */
  concurrency?: number;
  /** Events per transaction for subscribers that take batches. Default 32. */
  batchSize?: number;
}

/**
 * Delivers events to the subscribers of this process. "Durably taken" means
 * every subscriber handled the event: only then does the relay mark it
 * published, so an event whose handler failed stays in the outbox and comes
 * again (subscribers that already handled it skip it through their inbox).
 * Consumers wrapped by `idempotent` fail here only when they cannot even
 * record a failure (PostgreSQL down): a failing event goes to their retry
 * queue, so one poison event never holds up the relay.
 *
 * A batch is handed to every subscriber at once, and each subscriber works on
 * several aggregates in parallel while keeping each aggregate's events in
 * order: throughput grows with the batch, ordering per order is kept.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: EventSubscription[] = [];
  private readonly tails = new Set<{ types: readonly string[]; handler: (event: DomainEvent) => void }>();
  private readonly concurrency: number;
  private readonly batchSize: number;

  constructor(
    private readonly logger: Logger,
    options: InProcessBusOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.batchSize = options.batchSize ?? 32;
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const tail of this.tails) {
      for (const event of events) {
        if (!tail.types.includes(event.type)) continue;
        try {
          tail.handler(event);
        } catch (err) {
          this.logger.error({ err, eventId: event.eventId }, 'event tail failed');
        }
      }
    }
    const outcomes = await Promise.all(
      this.subscriptions.map((s) =>
        this.deliver(
          s,
          events.filter((e) => s.types.includes(e.type)),
        ),
      ),
    );
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

  async tail(types: readonly string[], handler: (event: DomainEvent) => void): Promise<() => Promise<void>> {
    const tail = { types, handler };
    this.tails.add(tail);
    return async () => void this.tails.delete(tail);
  }

  async close(): Promise<void> {
    this.subscriptions.length = 0;
    this.tails.clear();
  }

  /**
   * Runs one subscriber over its events; returns the errors (an aggregate stops
   * at its first failure). Each aggregate's events go to one of up to
   * `concurrency` groups worked in parallel; a subscriber that can take batches
   * gets each group in chunks of `batchSize` events, one transaction per chunk,
   * and a chunk that fails is retried event by event so one bad event does not
   * hold up the others.
   */
  private async deliver(subscription: EventSubscription, events: DomainEvent[]): Promise<Failure[]> {
    if (!events.length) return [];
    const lanes = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const key = laneKey(event);
      const lane = lanes.get(key);
      if (lane) lane.push(event);
      else lanes.set(key, [event]);
    }
    // Batches save per-transaction overhead, parallel groups save waiting: a batching
    // subscriber gets as few groups as fill a batch each, the others one per lane.
    const wanted = subscription.handleBatch ? Math.ceil(events.length / this.batchSize) : lanes.size;
    const groups: DomainEvent[][] = Array.from(
      { length: Math.max(1, Math.min(this.concurrency, wanted, lanes.size)) },
      () => [],
    );
    let next = 0;
    for (const lane of lanes.values()) {
      groups[next].push(...lane);
      next = (next + 1) % groups.length;
    }
    const failures: Failure[] = [];
    await Promise.all(groups.map((group) => this.deliverGroup(subscription, group, failures)));
    return failures;
  }

  /** One group's events in order; once an aggregate failed, its later events wait for the redelivery. */
  private async deliverGroup(
    subscription: EventSubscription,
    events: DomainEvent[],
    failures: Failure[],
  ): Promise<void> {
    const failed = new Set<string>();
    for (let at = 0; at < events.length; at += this.batchSize) {
      const chunk = events.slice(at, at + this.batchSize).filter((e) => !failed.has(laneKey(e)));
      if (subscription.handleBatch && chunk.length > 1) {
        try {
          await subscription.handleBatch(chunk);
          continue;
        } catch (err) {
          this.logger.debug(
            { err, consumer: subscription.consumer, events: chunk.length },
            'batch failed, retrying its events one by one',
          );
        }
      }
      for (const event of chunk) {
        if (failed.has(laneKey(event))) continue;
        try {
          await subscription.handle(event);
        } catch (err) {
          this.logger.warn(
            { err, consumer: subscription.consumer, eventId: event.eventId, type: event.type },
            'event handler failed',
          );
          failures.push({ consumer: subscription.consumer, event, error: err });
          failed.add(laneKey(event));
        }
      }
    }
  }
}

const laneKey = (event: DomainEvent) => `${event.aggregateType}:${event.aggregateId}`;
