/**
 * An event as it travels between subgraphs: written to the producer's outbox
 * in the same transaction as the change it describes, published by the relay,
 * handled at least once by each consumer (which remembers it in its inbox).
 */
export interface DomainEvent<TPayload = unknown> {
  /** Unique and stable across redeliveries: the deduplication key everywhere. */
  eventId: string;
  /** Dotted name, e.g. `order.placed`; also the bus subject suffix. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Per aggregate, increasing by one: consumers check order instead of assuming it. */
  aggregateVersion: number;
  occurredAt: string;
  /** The service that produced it. */
  source: string;
  payload: TPayload;
  /**
   * Place in the producing service's stream of events, given by its relay
   * (decimal string; increasing in the order the events were published).
   * Subscribers resume from it. Absent on events not yet relayed.
   */
  position?: string;
  /**
   * W3C trace context of the span that wrote the event (OpenTelemetry), so
   * that its consumers continue that trace. Absent when tracing is off. On
   * NATS it travels as the message's `traceparent` header.
   */
  traceparent?: string;
}

/** What a service hands to the outbox; ids and times are filled in there. */
export interface NewEvent<TPayload = unknown> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  payload: TPayload;
}

/** Bus subject of an event type: `supply.order.placed`. */
export const subjectOf = (type: string): string => `supply.${type}`;
