import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlRequests, withoutVariableValue, type Logger } from '@supply-graph/shared';
import type { GatewayContext } from '../context';

/**
 * Request metrics, and one log line per failed operation naming the subgraphs
 * that failed (a refused variable's value, which may be PII, is left out).
 */
export function observeGateway(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const end = graphqlDuration.startTimer({ service: 'gateway' });
      return {
        async willSendResponse({ errors, contextValue, operationName }) {
          end();
          graphqlRequests.inc({ service: 'gateway', outcome: errors?.length ? 'error' : 'ok' });
          if (errors?.length) {
            const subgraphs = [...new Set(errors.map((e) => e.extensions?.serviceName).filter(Boolean))];
            (contextValue.log ?? logger).warn(
              { operationName, subgraphs, errors: errors.map((e) => withoutVariableValue(e.message)) },
              'operation had errors',
            );
          }
        },
      };
    },
  };
}
