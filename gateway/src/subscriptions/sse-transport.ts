import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@supply-graph/shared';
import type { GraphQLSchema } from 'graphql';
import { createHandler as createSseHandler } from 'graphql-sse/lib/use/http';
import type { Caller, Identity } from '../auth/identity';
import { checkLiveOperation, sseRefusal, type TrustedDocuments } from '../trusted-documents';
import type { LiveOperations, TransportContext } from './live-operations';

export interface SseTransportOptions {
  schema: GraphQLSchema;
  identity: Identity;
  manifest: TrustedDocuments;
}

/**
 * graphql-sse on `/graphql`, as a route of the HTTP server: it takes the
 * request (true) when it is an SSE one. The caller is verified with the
 * request; a subscriber cut off as too slow gets a final error event that says
 * where to resume.
 */
export function sseTransport(
  operations: LiveOperations,
  options: SseTransportOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { schema, identity, manifest } = options;
  // The SSE request's verified caller, for graphql-sse's context (which is given the request only).
  const sseCallers = new WeakMap<IncomingMessage, Caller>();
  const sse = createSseHandler({
    schema,
    onSubscribe: (req, params) => {
      const refusal =
        checkLiveOperation(manifest, sseCallers.get(req.raw)?.client ?? null, params) ??
        operations.overLimit(params.query, params.variables, params.operationName);
      return refusal ? sseRefusal(refusal) : undefined;
    },
    subscribe: operations.subscribe,
    execute: operations.execute,
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

  return async (req, res) => {
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
  };
}

/** SSE requests: an event-stream Accept header, or graphql-sse's single-connection reservations and tokens. */
function isSse(req: IncomingMessage): boolean {
  return (
    (req.headers.accept ?? '').includes('text/event-stream') ||
    req.method === 'PUT' ||
    req.headers['x-graphql-event-stream-token'] !== undefined
  );
}
