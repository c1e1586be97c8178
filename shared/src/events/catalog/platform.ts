/**
 * Platform events that belong to no business domain: parked consumer events and
 * their retries, API client changes, the audit trail and cache invalidation.
 */

export const PlatformEventTypes = {
  consumerEventParked: 'consumer.event-parked',
  consumerRetryRequested: 'consumer.retry-requested',
  consumerEventRetried: 'consumer.event-retried',
  apiClientChanged: 'access.api-client-changed',
  auditRecorded: 'audit.recorded',
  entityChanged: 'entity.changed',
} as const;

/**
 * A consumer gave up on an event after EVENT_MAX_ATTEMPTS failures: the event
 * is parked (dead letter) in the consumer's service and counted as handled
 * there, so later events flow. Orders lists it for operators and holds the
 * order it concerns. Aggregate: `parked-event` / `<service>/<consumer>/<eventId>`.
 */
export interface ConsumerEventParked {
  /** The service whose consumer parked the event (and that can retry it). */
  service: string;
  consumer: string;
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  /** The order the event concerns (its aggregate, or `orderId` in its payload), if any. */
  orderId: string | null;
  /** The last failure's message. */
  error: string;
  attempts: number;
  parkedAt: string;
}

/** An operator asked the owning service to run a parked event's handler again. */
export interface ConsumerRetryRequested {
  service: string;
  consumer: string;
  eventId: string;
}

/** The outcome of a requested retry: handled now (ok), or failed again with `error`. */
export interface ConsumerEventRetried {
  service: string;
  consumer: string;
  eventId: string;
  ok: boolean;
  error: string | null;
  at: string;
}

/** An API client was created or disabled: gateways re-read the client list at once (they also do every 10 s). */
export interface ApiClientChanged {
  id: string;
  clientId: string;
  disabled: boolean;
}

/**
 * One entry of the audit trail (shared/src/access/audit.ts): a mutation,
 * allowed or refused, or an unmasked PII read. Written to the outbox of the
 * service that served it, in the same transaction as the change when there
 * is one; orders keeps the trail (`auditEvents`), one row per event id.
 * Aggregate: `audit` / a fresh id per event (nothing orders them).
 */
export interface AuditRecorded {
  /** ISO instant, millisecond precision (the trail's sort key). */
  at: string;
  /** The caller's `sub`. */
  actor: string;
  /** The mutation's root field name (e.g. "placeOrder"), or "pii.read". */
  action: string;
  /** "<Type>:<id>" of the object acted on or read, e.g. "Order:1f0c..."; null when there is no single one. */
  target: string | null;
  channel: string | null;
  requestId: string | null;
  /** "ok", or the error's code (FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, INTERNAL, ...). */
  outcome: string;
}

/**
 * A transaction changed the subgraph's data (entity-changes.ts writes it from
 * a trigger): what the gateway cached from that subgraph is out of date.
 */
export interface EntityChanged {
  subgraph: string;
  /** The first table the transaction changed (for logs; the cache is dropped whatever it was). */
  table: string;
}
