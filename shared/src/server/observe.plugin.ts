import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlRequests } from '../metrics/registry';

/** Every subgraph operation counted by outcome and timed, under the service's name. */
export function observe<TContext extends object>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const end = graphqlDuration.startTimer({ service });
      return {
        async willSendResponse({ errors }) {
          end();
          graphqlRequests.inc({ service, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
