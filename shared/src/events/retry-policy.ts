import type { DomainEvent } from './event';

/**
 * How a consumer treats an event its handler fails on. The event waits in the
 * service's retry queue (`consumer_retry`) and is tried again after
 * `baseDelayMs`, doubling up to `maxDelayMs`; after `maxAttempts` failures of
 * the handler itself it is parked (`consumer_parked`). Failures of the
 * infrastructure (connection lost, deadlock, lock timeout, PostgreSQL
 * shutting down) are retried with the same backoff but never count towards
 * parking: an outage must not turn good events into dead letters.
 */
export interface RetryPolicy {
  /** EVENT_MAX_ATTEMPTS (default 5): handler failures before the event is parked. */
  maxAttempts: number;
  /** EVENT_RETRY_BASE_MS (default 1000): wait after the first failure. */
  baseDelayMs: number;
  /** EVENT_RETRY_MAX_MS (default 300000): longest wait between two tries. */
  maxDelayMs: number;
  /** EVENT_RETRY_POLL_MS (default 1000): how often the service looks for queued events that are due; 0 never. */
  pollMs: number;
}

export const DEFAULT_RETRY_POLL_MS = 1000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  pollMs: DEFAULT_RETRY_POLL_MS,
});

/** Wait before the next try, after `failures` failures in all (transient ones included). */
export function retryDelayMs(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
}

/**
 * SQLSTATE classes and codes that say nothing about the event: connection
 * exceptions (08), transaction rollbacks (40: deadlock, serialization),
 * insufficient resources (53), operator intervention (57P01-57P05: shutdown,
 * cannot connect now), lock_not_available (55P03, lock_timeout).
 */
const TRANSIENT_SQLSTATE = /^(08|40|53)|^57P0[1-5]$|^55P03$/;
/** Node socket errors and the pg driver's own words for a lost connection. */
const TRANSIENT_NODE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i;

/** Whether a failure came from the infrastructure rather than from the event or its handler. */
export function isTransientFailure(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE.has(code))) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
    // TypeORM's QueryFailedError keeps the driver's error; AggregateError its parts.
    const inner = current as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    if (inner.errors?.some((e) => isTransientFailure(e))) return true;
    current = inner.driverError ?? inner.cause;
  }
  return false;
}

/** A failure as stored and shown to operators: the message, without the stack, at most 2,000 characters. */
export function describeFailure(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}

/** Events of one aggregate stay in order for one consumer: they share a lane. */
export const laneOfEvent = (event: Pick<DomainEvent, 'aggregateType' | 'aggregateId'>): string =>
  `${event.aggregateType}:${event.aggregateId}`;

/** The order an event concerns: its aggregate when that is an order, else `orderId` in its payload. */
export function orderIdOf(event: DomainEvent): string | null {
  if (event.aggregateType === 'order') return event.aggregateId;
  const payload = event.payload as { orderId?: unknown } | null;
  return payload && typeof payload.orderId === 'string' ? payload.orderId : null;
}
