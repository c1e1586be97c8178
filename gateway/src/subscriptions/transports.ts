import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import { AppError, type Logger } from '@supply-graph/shared';
import {
  GraphQLError,
  Kind,
  print,
  type OperationDefinitionNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { createHandler as createSseHandler } from 'graphql-sse/lib/use/http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { subscriptionMetrics } from '../metrics';
import type { Caller, Identity } from '../auth/identity';
import { checkLiveOperation, sseRefusal, type TrustedDocuments } from '../trusted-documents';
import type { GatewayContext } from '../context';
import type { RateLimitCaller } from '../rate-limit';
import { checkOperationSource, type OperationLimits } from '../limits';
import { frameWriter } from './delivery';
import { DocumentCache } from './document-cache';
import type { DeliveryWriter, Subscriber } from './subscriber';
import type { SubscriptionHub } from './subscription-hub';
import type { WorkItemHub } from './work-item-hub';
import { WriteScheduler } from './write-scheduler';

/** Close code for a subscriber cut off for being too slow (4xxx: application codes of RFC 6455). */
export const CLOSE_TOO_SLOW = 4429;
/** Close code for a connection without a valid token (graphql-ws's own code for it). */
export const CLOSE_UNAUTHORIZED = 4401;

export interface LiveTransports {
  /** The `routes` hook of the HTTP server: SSE requests on `/graphql`. */
  route(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

interface TransportContext {
  requestId: string;
  /** Who subscribed, verified when the connection opened (WebSocket) or with the request (SSE). */
  caller: Caller;
  /** Ends the connection of a subscriber that is too slow: closes the WebSocket, or ends the SSE response. */
  cutOff(reason: string, error: GraphQLError): void;
  /** Resolves when the connection can take the next event (SSE; graphql-ws waits for each send itself). */
  ready?: () => Promise<void>;
  /** Writes the subscription's events itself (WebSocket), instead of handing them to the transport one by one. */
  writer?: DeliveryWriter;
}

/**
 * graphql-ws (the graphql-transport-ws protocol) and graphql-sse, both on the
 * gateway's `/graphql`. Subscriptions go to the hub; queries and mutations
 * sent over either run through Apollo like any HTTP request. A subscriber cut
 * off as too slow is closed with a reason that says where to resume: the
 * WebSocket with code 4429, the SSE stream with a final error event.
 */
export interface LiveTransportOptions {
  hub: SubscriptionHub;
  /** Serves `workItemChanged`; every other subscription goes to `hub`. */
  workItemHub: WorkItemHub;
  schema: GraphQLSchema;
  /** Queries and mutations sent over a live connection run through Apollo like any HTTP request. */
  apollo: ApolloServer<GatewayContext>;
  identity: Identity;
  manifest: TrustedDocuments;
  /** Takes one request from the subscriber's rate limit; throws RATE_LIMITED past it. */
  limitSubscribe: (caller: RateLimitCaller) => Promise<void>;
  limits: OperationLimits;
  /** The largest WebSocket message taken, as the HTTP body limit (ws alone would take 100 MiB). */
  maxMessageBytes: number;
  logger: Logger;
}

export function startLiveTransports(server: Server, options: LiveTransportOptions): LiveTransports {
  const { hub, workItemHub, schema, apollo, identity, manifest, limitSubscribe, limits, logger } = options;
  // The operation limits, before graphql-ws or graphql-sse parse and validate the document.
  const overLimit = (
    query: string | DocumentNode,
    variables?: Record<string, unknown> | null,
    operationName?: string | null,
  ) => checkOperationSource(query, { schema, variables, operationName }, limits);
  const subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const context = args.contextValue as TransportContext;
    try {
      // Each subscribe is one request of the caller's budget (queries and mutations sent here count in Apollo's
      // plugin).
      await limitSubscribe(context.caller);
      const subscriber = await (rootFieldName(args) === 'workItemChanged' ? workItemHub : hub).subscribe({
        document: args.document,
        operationName: args.operationName ?? undefined,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        context: {
          requestId: context.requestId,
          principal: context.caller.principal,
          internalToken: context.caller.internalToken,
        },
      });
      if (context.writer) subscriber.writeWith(context.writer, scheduler);
      return guarded(subscriber, context);
    } catch (err) {
      return { errors: [asGraphQLError(err, logger)] };
    }
  };
  const execute = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const { requestId, caller } = args.contextValue as TransportContext;
    const response = await apollo.executeOperation(
      {
        query: print(args.document),
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName ?? undefined,
      },
      { contextValue: { requestId, log: logger.child({ requestId }), ...caller } },
    );
    return response.body.kind === 'single'
      ? (response.body.singleResult as ExecutionResult)
      : { errors: [new GraphQLError('Incremental delivery is not supported here')] };
  };

  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxMessageBytes });
  const documents = new DocumentCache(schema);
  const scheduler = new WriteScheduler();
  const ws = useServer<Record<string, unknown> | undefined, { socket: WebSocket; caller?: Caller; raw?: Duplex }>(
    {
      schema,
      subscribe,
      execute,
      // The token comes in connectionParams ({ authorization: "Bearer ..." }); without a valid one the socket closes
      // 4401.
      onConnect: async (ctx) => {
        try {
          ctx.extra.caller = await identity.authenticate(String(ctx.connectionParams?.authorization ?? ''));
          // The TCP socket under the WebSocket (an upgraded request's socket is the connection's): corked around
          // several messages, they go out in one system call. The request itself is not needed after this, and
          // its headers would stay in memory for as long as the connection lasts.
          ctx.extra.raw = ctx.extra.request.socket;
          (ctx.extra as { request?: unknown }).request = undefined;
          // Nor is the token (its text is most of connectionParams): the caller holds what it proved.
          (ctx as { connectionParams?: unknown }).connectionParams = undefined;
          return true;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, `Unauthorized: ${err.message}`.slice(0, 123));
          return false;
        }
      },
      // A trusted-documents-only client runs manifest documents only, live ones too. Then the operation limits, and
      // the document parsed and validated once for every subscriber that sends the same text.
      onSubscribe: (ctx, _id, payload) => {
        const live = checkLiveOperation(manifest, ctx.extra.caller?.client ?? null, payload);
        if (live) return [live];
        const cached = documents.get(payload.query);
        const refusal = overLimit(cached?.document ?? payload.query, payload.variables, payload.operationName);
        if (refusal) return [refusal];
        const { text, document, errors } = cached ?? documents.add(payload.query);
        if (errors.length) return errors;
        // graphql-ws keeps the message for as long as the subscription lasts: let it hold the cache's copy of the text.
        (payload as { query: string }).query = text;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx, id) =>
        ({
          requestId: `ws-${Math.random().toString(36).slice(2, 10)}`,
          caller: ctx.extra.caller!,
          // The close frame queues behind what is buffered: a client that reads again finds it.
          cutOff: (reason) => ctx.extra.socket.close(CLOSE_TOO_SLOW, reason),
          writer: frameWriter(ctx.extra.socket, ctx.extra.raw!, id),
        }) satisfies TransportContext,
    },
    wss,
  );

  // The SSE request's verified caller, for graphql-sse's context (which is given the request only).
  const sseCallers = new WeakMap<IncomingMessage, Caller>();
  const sse = createSseHandler({
    schema,
    onSubscribe: (req, params) => {
      const refusal =
        checkLiveOperation(manifest, sseCallers.get(req.raw)?.client ?? null, params) ??
        overLimit(params.query, params.variables, params.operationName);
      return refusal ? sseRefusal(refusal) : undefined;
    },
    subscribe,
    execute,
    context: (req) =>
      ({
        requestId: `sse-${Math.random().toString(36).slice(2, 10)}`,
        caller: sseCallers.get(req.raw)!,
        // The stream's last events: the error (after whatever is buffered), then complete.
        cutOff: (_reason, error) => {
          const { res } = req.context;
          if (!res.writable) return;
          res.write(`event: next\ndata: ${JSON.stringify({ errors: [error] })}\n\nevent: complete\ndata: \n\n`);
          res.end();
        },
        // graphql-sse pulls events as fast as they come and queues them without bound; hand it
        // the next one only once the last is written out, so a client that stops reading makes
        // events wait in the subscriber's bounded buffer instead.
        ready: async () => {
          const { res } = req.context;
          while (res.writableLength > 0 && !res.destroyed) await new Promise((r) => setTimeout(r, 10));
        },
      }) satisfies TransportContext as never,
  });

  return {
    async route(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/graphql' || !isSse(req)) return false;
      try {
        sseCallers.set(req, await identity.authenticate(req.headers.authorization));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
        res.end(JSON.stringify({ errors: [{ message: err.message, extensions: { code: err.code } }] }));
        return true;
      }
      await sse(req, res);
      return true;
    },
    async close() {
      await hub.stop();
      await workItemHub.stop();
      await ws.dispose();
    },
  };
}

/** The subscribed root field of a validated subscription (exactly one, as graphql-js checks). */
function rootFieldName(args: ExecutionArgs): string | null {
  const operation = args.document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
  );
  const [field] = operation?.selectionSet.selections ?? [];
  return field?.kind === Kind.FIELD ? field.name.value : null;
}

/** SSE requests: an event-stream Accept header, or graphql-sse's single-connection reservations and tokens. */
function isSse(req: IncomingMessage): boolean {
  return (
    (req.headers.accept ?? '').includes('text/event-stream') ||
    req.method === 'PUT' ||
    req.headers['x-graphql-event-stream-token'] !== undefined
  );
}

/**
 * Passes the subscriber's events on. A subscriber that is cut off as too slow
 * gets its connection ended at once with the reason (the transport may be
 * stuck writing to it and would never pull the error). A hand-made generator
 * rather than an `async function*`: one waiting for the next event would not
 * run `return()` (client unsubscribed) until one came; graphql-ws and
 * graphql-sse only call `return()` on objects that also have `throw()`.
 */
function guarded(subscriber: Subscriber<unknown>, context: TransportContext): AsyncGenerator<ExecutionResult> {
  subscriber.onFailure = (err) => {
    if (!(err instanceof AppError) || err.code !== 'SUBSCRIBER_TOO_SLOW') return;
    subscriptionMetrics.disconnects.inc({ reason: 'too-slow' });
    context.cutOff(
      `SUBSCRIBER_TOO_SLOW: resume with after=${String(err.extensions.lastEventId ?? '')}`.slice(0, 123),
      err,
    );
  };
  return new Guarded(subscriber, context);
}

/** A class rather than an object of closures: one lives as long as each subscription, thousands at a time. */
class Guarded implements AsyncGenerator<ExecutionResult> {
  private finished = false;

  constructor(
    private readonly subscriber: Subscriber<unknown>,
    private readonly context: TransportContext,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.finished) return { value: undefined, done: true };
    try {
      await this.context.ready?.();
      return await this.subscriber.next();
    } catch (err) {
      this.finished = true;
      if (err instanceof AppError && err.code === 'SUBSCRIBER_TOO_SLOW') return { value: undefined, done: true };
      throw err;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finished = true;
    return this.subscriber.return();
  }

  async throw(): Promise<IteratorResult<ExecutionResult>> {
    this.finished = true;
    return this.subscriber.return();
  }

  [Symbol.asyncIterator](): AsyncGenerator<ExecutionResult> {
    return this;
  }
}

function asGraphQLError(err: unknown, logger: Logger): GraphQLError {
  // AppError is a GraphQLError carrying its registered code.
  if (err instanceof GraphQLError) return err;
  logger.error({ err }, 'subscription failed to start');
  return new GraphQLError('The subscription could not start', { extensions: { code: 'INTERNAL' } });
}
