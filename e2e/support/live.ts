import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { defaultAuthorization } from './auth';
import type { GraphQLResponse } from './graphql';

/** A running subscription as a test sees it: everything received so far, and a way to wait for more. */
export interface LiveSubscription<T> {
  results: GraphQLResponse<T>[];
  /** Resolves once `count` results have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<GraphQLResponse<T>[]>;
  /** Set when the server ended the subscription (complete or error). */
  ended: Promise<unknown>;
  stop(): Promise<void>;
}

type Sink<T> = { next(value: GraphQLResponse<T>): void; error(err: unknown): void; complete(): void };

function collector<T>(start: (sink: Sink<T>) => () => void, stopClient: () => Promise<void>): LiveSubscription<T> {
  const results: GraphQLResponse<T>[] = [];
  const waiters: (() => void)[] = [];
  let end!: (reason: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (end = resolve));
  const unsubscribe = start({
    next: (value) => {
      results.push(value);
      waiters.splice(0).forEach((w) => w());
    },
    error: (err) => end(err),
    complete: () => end('complete'),
  });
  return {
    results,
    ended,
    async waitFor(count, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (results.length < count) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `expected ${count} results, got ${results.length}: ${JSON.stringify(results).slice(0, 2000)}`,
          );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
      return results.slice(0, count);
    },
    async stop() {
      unsubscribe();
      await stopClient();
    },
  };
}

/** Who subscribes: the platform's default staff token unless a test gives another (null: none). */
export interface LiveOptions {
  authorization?: string | null;
}

const authorizationFor = (url: string, options: LiveOptions) =>
  options.authorization === undefined ? defaultAuthorization(url) : (options.authorization ?? undefined);

/** A subscription document: codegen's, typed, or text (for documents a test means to be refused). */
export type LiveDocument<T, V> = TypedDocumentNode<T, V> | string;

const textOf = <T, V>(document: LiveDocument<T, V>): string =>
  typeof document === 'string' ? document : print(document);

/** Subscribes over WebSocket (graphql-transport-ws) at the gateway's /graphql, the token in connectionParams. */
export function subscribeWs<T, V extends Record<string, unknown> = Record<string, unknown>>(
  gatewayUrl: string,
  document: LiveDocument<T, V>,
  variables: V = {} as V,
  options: LiveOptions = {},
): LiveSubscription<T> & { client: Client } {
  const query = textOf(document);
  const authorization = authorizationFor(gatewayUrl, options);
  const client = createWsClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
  });
  const live = collector<T>(
    (sink) => client.subscribe<T>({ query, variables }, sink as never),
    () => client.dispose() as Promise<void>,
  );
  return Object.assign(live, { client });
}

/** Subscribes over Server-Sent Events (graphql-sse, distinct connections) at the gateway's /graphql. */
export function subscribeSse<T, V extends Record<string, unknown> = Record<string, unknown>>(
  gatewayUrl: string,
  document: LiveDocument<T, V>,
  variables: V = {} as V,
  options: LiveOptions = {},
): LiveSubscription<T> {
  const query = textOf(document);
  const authorization = authorizationFor(gatewayUrl, options);
  const client = createSseClient({
    url: gatewayUrl,
    singleConnection: false,
    retryAttempts: 0,
    headers: authorization ? { authorization } : {},
  });
  return collector<T>(
    (sink) => client.subscribe<T>({ query, variables }, sink as never),
    async () => client.dispose(),
  );
}
