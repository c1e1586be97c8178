import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { throwIfRequestAborted } from './request-scope';

const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);

/**
 * HTTP 503 (with Retry-After) when the whole answer failed for a retryable
 * reason: no data, and every error says a service or its database was
 * unavailable. A client or load balancer can then retry without reading the
 * body; a partial answer stays 200, as GraphQL over HTTP has it.
 */
export function unavailableStatus<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data != null || !errors?.length) return;
          if (!errors.every((e) => RETRYABLE.has(String(e.extensions?.code)))) return;
          const after = Math.max(1, ...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 1));
          response.http.status = 503;
          response.http.headers.set('retry-after', String(after));
        },
      };
    },
  };
}

/**
 * Starts no more mutation fields once the request is past its deadline or its
 * caller hung up (see request-scope.ts): they fail with DEADLINE_EXCEEDED
 * instead of changing anything. A query's fields are not hooked: a hook on
 * every field makes Apollo Server wrap each resolver (4-5 % of the CPU of a
 * 360 query), and what a query's work costs is its SQL, which stops at the
 * deadline anyway (SqlLogger, prepared reads), statements waiting for a pool
 * connection included.
 */
export function stopAtDeadline<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField() {
              throwIfRequestAborted();
            },
          };
        },
      };
    },
  };
}
