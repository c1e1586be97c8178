import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GatewayContext } from '../context';

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

/**
 * Identical queries in flight at once, from callers of the same access, are
 * executed once: the first plans, fetches and shapes the answer; the others
 * wait for it and answer with it. "The same access" is the internal token
 * the subgraphs get (the same string for the same kind, sub, scopes and
 * channels, for 30 s), so a caller never receives what another caller's
 * access produced (masked or unmasked PII, other channels' orders). Each
 * waiting request still runs every check before execution (authentication,
 * limits, trusted documents, its own rate-limit token) and its own response
 * hooks; only execution is shared. Mutations and subscriptions never are.
 *
 * The subgraph fetches of identical queries were already shared
 * (SUBGRAPH_DEDUP); this also spares the gateway's own work for them (plan
 * execution, merging, shaping: most of its CPU per request), which is what
 * bounded identical traffic.
 */
export function sharedOperations<
  TContext extends Pick<GatewayContext, 'internalToken'>,
>(): ApolloServerPlugin<TContext> {
  const running = new Map<string, Promise<SingleResult | null>>();
  return {
    async requestDidStart() {
      let finish: ((result: SingleResult | null) => void) | null = null;
      return {
        async responseForOperation({ operation, source, request, contextValue }) {
          if (operation.operation !== 'query' || !contextValue.internalToken || source === undefined) return null;
          const key = [
            contextValue.internalToken,
            source,
            request.operationName ?? '',
            JSON.stringify(request.variables ?? {}),
          ].join('\n');
          const leader = running.get(key);
          if (leader !== undefined) {
            const result = await leader;
            // The leader failed outright: this request executes on its own.
            if (!result) return null;
            // Each response gets its own top-level object and error list (hooks may add to them); data is only read.
            const own: SingleResult = { ...result, ...(result.errors ? { errors: [...result.errors] } : {}) };
            return {
              body: { kind: 'single', singleResult: own },
              http: { status: undefined, headers: new HeaderMap() },
            };
          }
          let settle: (result: SingleResult | null) => void = () => {};
          running.set(
            key,
            new Promise((resolve) => {
              settle = resolve;
            }),
          );
          finish = (result) => {
            running.delete(key);
            settle(result);
          };
          return null;
        },
        async willSendResponse({ response }) {
          finish?.(response.body.kind === 'single' ? response.body.singleResult : null);
        },
      };
    },
  };
}
