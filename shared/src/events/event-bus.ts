import type { DomainEvent } from './event';

/** One durable subscription: a named consumer and the event types it handles. */
export interface EventSubscription {
  /** Durable name, unique per purpose (e.g. `inventory.reserve-stock`); also the inbox key. */
  consumer: string;
  types: readonly string[];
  /** Throwing means "not handled": the bus delivers the event again later. */
  handle(event: DomainEvent): Promise<void>;
  /**
   * Optional: handles several events, in the order given, as one unit that
   * either fully happens or not at all. A bus may use it to save per-event
   * overhead and must fall back to `handle` per event when it throws.
   */
  handleBatch?(events: readonly DomainEvent[]): Promise<void>;
}

/**
 * How events travel between services. Strategy with two implementations: the
 * in-process bus (default, `npm start`: all services in one process) and NATS
 * JetStream (`NATS_URL`: services in separate processes and replicas).
 */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  /** Resolves once the bus has durably taken the events; the relay marks them published then. */
  publish(events: readonly DomainEvent[]): Promise<void>;
  subscribe(subscription: EventSubscription): Promise<void>;
  /**
   * Every event of these types published from now on, to this process alone:
   * not durable, not shared with replicas (each gateway replica tails the bus
   * for its own subscribers). Called in publishing order; the handler must
   * not block. A redelivered batch can repeat events: tailers deduplicate
   * (by position). Resolves with a function that stops the tail.
   */
  tail(types: readonly string[], handler: (event: DomainEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
