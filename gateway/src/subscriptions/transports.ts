import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { liveOperations, type LiveOperationOptions } from './live-operations';
import { type SseTransportOptions, sseTransport } from './sse-transport';
import { startWebSocketTransport, type WebSocketTransportOptions } from './ws-transport';

export { CLOSE_TOO_SLOW, CLOSE_UNAUTHORIZED } from './ws-transport';

export interface LiveTransports {
  /** The `routes` hook of the HTTP server: SSE requests on `/graphql`. */
  route(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * graphql-ws (the graphql-transport-ws protocol) and graphql-sse, both on the
 * gateway's `/graphql`. Subscriptions go to the hub; queries and mutations
 * sent over either run through Apollo like any HTTP request. A subscriber cut
 * off as too slow is closed with a reason that says where to resume: the
 * WebSocket with code 4429, the SSE stream with a final error event.
 */
export interface LiveTransportOptions extends LiveOperationOptions, WebSocketTransportOptions, SseTransportOptions {}

export function startLiveTransports(server: Server, options: LiveTransportOptions): LiveTransports {
  const { hub, workItemHub } = options;
  const operations = liveOperations(options);
  const ws = startWebSocketTransport(server, operations, options);
  const route = sseTransport(operations, options);
  return {
    route,
    async close() {
      await hub.stop();
      await workItemHub.stop();
      await ws.dispose();
    },
  };
}
