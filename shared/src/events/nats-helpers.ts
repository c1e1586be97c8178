import { JSONCodec, headers, type JsMsg, type MsgHdrs } from 'nats';
import type { DomainEvent } from './event';

// Small helpers of the NATS bus, apart so the bus itself reads as its protocol.

const RETRY_FIRST_MS = 200;
const RETRY_MAX_MS = 5_000;
const codec = JSONCodec<unknown>();

/** NATS names allow no `.`, `*`, `>` or whitespace: `inventory.reserve-stock` -> `inventory-reserve-stock`. */
export function durableName(consumer: string): string {
  return consumer.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** 200 ms, 400 ms, 800 ms ... at most 5 s between deliveries of a failing event. */
export function retryDelay(deliveries: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, deliveries - 1));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The ordering lane of a message: its aggregate, or the message itself when it is not an event. */
export function laneOf({ msg, event }: Fetched): string {
  return event ? `${event.aggregateType}:${event.aggregateId}` : `seq:${msg.seq}`;
}

/** A fetched message with its event, decoded once on arrival (null: not a DomainEvent). */
export interface Fetched {
  msg: JsMsg;
  event: DomainEvent | null;
}

/** The W3C trace context header an event's `traceparent` travels in (not in the body). */
const TRACEPARENT = 'traceparent';

/** A message's body and headers for an event: its trace context, when it has one, as a header. */
export function encode(event: DomainEvent): { data: Uint8Array; headers?: MsgHdrs } {
  if (event.traceparent === undefined) return { data: codec.encode(event) };
  const { traceparent, ...body } = event;
  const h = headers();
  h.set(TRACEPARENT, traceparent);
  return { data: codec.encode(body), headers: h };
}

export function decode(data: Uint8Array, hdrs?: MsgHdrs): DomainEvent | null {
  try {
    const value = codec.decode(data) as Partial<DomainEvent> | null;
    if (!value || typeof value.eventId !== 'string' || typeof value.type !== 'string') return null;
    const traceparent = hdrs?.get(TRACEPARENT);
    if (traceparent) value.traceparent = traceparent;
    return value as DomainEvent;
  } catch {
    return null;
  }
}

export function apiErrorCode(err: unknown): number | undefined {
  return (err as { api_error?: { err_code?: number } }).api_error?.err_code;
}
