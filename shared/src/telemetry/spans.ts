import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import {
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { tracingOn } from './tracing';

/**
 * The service a span belongs to. `npm start` runs every service in one
 * process under one SDK, and a resource (`service.name`) is per SDK, so each
 * span says its service itself; each service also has a tracer of its own
 * (`supply-graph.<service>`, the span's instrumentation scope).
 */
export const SERVICE_ATTRIBUTE = 'supply_graph.service';

export interface SpanOptions {
  kind?: SpanKind;
  /** The parent; the active context when not given. */
  parent?: Context;
  links?: Link[];
  /** Only built when tracing is on: pass a function where building them costs. */
  attributes?: Attributes;
}

/**
 * Runs `fn` in a span of `service` (active while `fn` runs, so what it starts
 * is its child), ended when `fn` settles. A failure is marked on the span by
 * its kind or code only: error messages can carry the values of a row.
 * Callers check `tracingOn()` first.
 */
export async function inSpan<T>(
  service: string,
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(`supply-graph.${service}`).startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      links: options.links,
      attributes: { [SERVICE_ATTRIBUTE]: service, ...options.attributes },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), fn, undefined, span);
  } catch (err) {
    markFailed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

export function markFailed(span: Span, err: unknown): void {
  const e = err as { code?: unknown; name?: unknown };
  const type = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
}

/**
 * Runs `fn` outside the trace of whoever scheduled it: a loop that re-arms its
 * own timer (the relay's poll) would otherwise carry the first request that
 * woke it into every later round.
 */
export function runUntraced<T>(fn: () => T): T {
  return tracingOn() ? context.with(ROOT_CONTEXT, fn) : fn();
}

const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The server span of one HTTP request to a service, continuing the caller's
 * trace (`traceparent`). Probes and scrapes get none. Only the path is
 * recorded: a GET's query string carries the operation's variables, and no
 * header is (the Authorization header among them).
 */
export function traceHttpRequest(
  service: string,
  req: IncomingMessage,
  res: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  if (!tracingOn()) return handle();
  const url = req.url ?? '/';
  const path = url.split('?', 1)[0];
  if (UNTRACED_PATHS.has(path)) return handle();
  const method = req.method ?? 'GET';
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path };
  return inSpan(service, `${method} ${path}`, { kind: SpanKind.SERVER, parent, attributes }, async (span) => {
    try {
      await handle();
    } finally {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
  });
}

/**
 * One GraphQL operation a service executes (a subgraph's part of a query
 * plan, or the gateway's whole operation): named after the operation, never
 * with its document or variables.
 */
export function traceOperation<T>(service: string, req: IncomingMessage, execute: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return execute();
  const body = (req as IncomingMessage & { body?: { operationName?: unknown; query?: unknown } }).body;
  // The client's name for it, or the document's first operation's (clients often send no operationName).
  const head = typeof body?.query === 'string' ? OPERATION_HEAD.exec(body.query) : null;
  const given = typeof body?.operationName === 'string' && body.operationName ? body.operationName : head?.[2];
  const name = given?.slice(0, 100);
  const attributes: Attributes = {};
  if (name) attributes['graphql.operation.name'] = name;
  if (head) attributes['graphql.operation.type'] = head[1];
  return inSpan(service, `graphql ${name ?? head?.[1] ?? 'operation'}`, { attributes }, () => execute());
}

const OPERATION_HEAD = /^\s*(query|mutation|subscription)\b\s*(\w+)?/;

/**
 * A call from the gateway to a subgraph: a client span, with the span's
 * `traceparent` added to a copy of the headers the call is sent with.
 */
export function traceSubgraphFetch<T extends { statusCode: number }>(
  subgraph: string,
  url: string,
  headers: Record<string, string>,
  send: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return send(headers);
  const attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: 'POST',
    // The configured URL (a comma-separated list when the subgraph has replicas).
    [ATTR_URL_FULL]: url,
    'supply_graph.subgraph': subgraph,
  };
  return inSpan('gateway', `fetch ${subgraph}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const traced = { ...headers };
    propagation.inject(context.active(), traced);
    const answer = await send(traced);
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, answer.statusCode);
    if (answer.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    return answer;
  });
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** `traceparent` (and `tracestate`) of the active span, to send on a call to another service; none when off. */
export function traceHeaders(): Readonly<Record<string, string>> {
  if (!tracingOn()) return NO_HEADERS;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * One SQL statement, within the span that ran it: its text only, never its parameters (customers' names,
 * emails, addresses). Named after the statement's first keyword (`SELECT`).
 */
export function traceStatement<T>(service: string, text: string, run: () => Promise<T>): Promise<T> {
  // Only as part of a traced request or event: the relays' and jobs' polls would each be a trace of one statement.
  if (!trace.getSpan(context.active())) return run();
  const keyword = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return inSpan(service, keyword, { kind: SpanKind.CLIENT }, (span) => {
    if (span.isRecording())
      span.setAttributes({ [ATTR_DB_SYSTEM_NAME]: 'postgresql', [ATTR_DB_QUERY_TEXT]: text.slice(0, 4000) });
    return run();
  });
}
