import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Subgraph plugin: a response whose only errors are BAD_USER_INPUT (a variable
 * or literal a scalar refused) is sent with HTTP 200 instead of Apollo's 400.
 * The gateway turns any non-2xx answer of a subgraph into its own opaque
 * error (shown as INTERNAL), so the client would never learn which input was
 * wrong; with 200 the gateway passes the error on as it is.
 */
export function inputErrorsAnswerOk<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.status !== 400) return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')) response.http.status = 200;
        },
      };
    },
  };
}
