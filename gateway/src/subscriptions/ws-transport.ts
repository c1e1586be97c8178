import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '@supply-graph/shared';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller, Identity } from '../auth/identity';
import { checkLiveOperation, type TrustedDocuments } from '../trusted-documents';
import { frameWriter } from './delivery';
import { DocumentCache } from './document-cache';
import type { LiveOperations, TransportContext } from './live-operations';

/** Close code for a subscriber cut off for being too slow (4xxx: application codes of RFC 6455). */
export const CLOSE_TOO_SLOW = 4429;
/** Close code for a connection without a valid token (graphql-ws's own code for it). */
export const CLOSE_UNAUTHORIZED = 4401;

export interface WebSocketTransportOptions {
  schema: GraphQLSchema;
  identity: Identity;
  manifest: TrustedDocuments;
  /** The largest WebSocket message taken, as the HTTP body limit (ws alone would take 100 MiB). */
  maxMessageBytes: number;
}

/**
 * graphql-ws (the graphql-transport-ws protocol) on the server's `/graphql`.
 * A subscriber cut off as too slow is closed with code 4429 and a reason that
 * says where to resume. Returns what stops it.
 */
export function startWebSocketTransport(
  server: Server,
  operations: LiveOperations,
  options: WebSocketTransportOptions,
): { dispose(): void | Promise<void> } {
  const { schema, identity, manifest } = options;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxMessageBytes });
  const documents = new DocumentCache(schema);
  const ws = useServer<Record<string, unknown> | undefined, { socket: WebSocket; caller?: Caller; raw?: Duplex }>(
    {
      schema,
      subscribe: operations.subscribe,
      execute: operations.execute,
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
        const refusal = operations.overLimit(
          cached?.document ?? payload.query,
          payload.variables,
          payload.operationName,
        );
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
  return ws;
}
