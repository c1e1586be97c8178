import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Link } from '@opentelemetry/api';
import type { DomainEvent } from '../events/event';
import { inSpan } from './spans';
import { tracingOn } from './tracing';

/**
 * The W3C `traceparent` of the active span, written with an event so that
 * its consumers continue the trace of the change that emitted it; undefined
 * when tracing is off or nothing is being traced.
 */
export function currentTraceparent(): string | undefined {
  if (!tracingOn()) return undefined;
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context an event was written in (the root when it carries none). */
function contextOf(event: DomainEvent): Context {
  return event.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent }) : ROOT_CONTEXT;
}

/** Links to the contexts the events were written in, one per event that carries one. */
function linksOf(events: readonly DomainEvent[]): Link[] {
  const links: Link[] = [];
  for (const event of events) {
    const span = event.traceparent ? trace.getSpanContext(contextOf(event)) : undefined;
    if (span) links.push({ context: span, attributes: { 'messaging.message.id': event.eventId } });
  }
  return links;
}

/**
 * A consumer handling one event: a child of the span that wrote the event
 * (not only a link), so one trace runs from the request through every step
 * the event sets off. The parent has usually ended by then; that is what
 * asynchronous children look like in a trace, and the waiting shows as the gap.
 */
export function traceConsumer<T>(
  service: string,
  consumer: string,
  event: DomainEvent,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return fn();
  return inSpan(
    service,
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextOf(event),
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': event.type,
        'messaging.message.id': event.eventId,
        'supply_graph.consumer': consumer,
        'supply_graph.aggregate': `${event.aggregateType}:${event.aggregateId}`,
      },
    },
    () => fn(),
  );
}

/**
 * A consumer handling a batch in one transaction: a span can have one parent
 * only, so it starts a trace of its own with a link to each event's context.
 */
export function traceConsumerBatch<T>(
  service: string,
  consumer: string,
  events: readonly DomainEvent[],
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return fn();
  const attributes = {
    'messaging.operation.type': 'process',
    'messaging.batch.message_count': events.length,
    'supply_graph.consumer': consumer,
  };
  return inSpan(
    service,
    `process batch ${consumer}`,
    { kind: SpanKind.CONSUMER, parent: ROOT_CONTEXT, links: linksOf(events), attributes },
    () => fn(),
  );
}

/** The relay publishing a batch of events from many traces: its own trace, linked to each. */
export function traceRelayPublish<T>(
  service: string,
  events: readonly DomainEvent[],
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return fn();
  const attributes = { 'messaging.operation.type': 'send', 'messaging.batch.message_count': events.length };
  return inSpan(
    service,
    'publish outbox',
    { kind: SpanKind.PRODUCER, parent: ROOT_CONTEXT, links: linksOf(events), attributes },
    () => fn(),
  );
}

/** The gateway resolving and fanning out one bus event to its subscribers: a child of the span that wrote it. */
export function traceSubscriptionEvent<T>(event: DomainEvent, fn: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return fn();
  const attributes = { 'messaging.message.id': event.eventId, 'messaging.destination.name': event.type };
  return inSpan(
    'gateway',
    `deliver ${event.type}`,
    { kind: SpanKind.CONSUMER, parent: contextOf(event), attributes },
    () => fn(),
  );
}
