import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlRequests, withoutVariableValue, type Logger } from '@supply-graph/shared';
import type { GatewayContext } from '../context';
import { operationLabel, requestMetrics } from '../metrics';

/** An error code as a label: the registry's codes; anything else (a subgraph's own words) as ERROR. */
const codeLabel = (code: unknown): string =>
  typeof code === 'string' && /^[A-Z][A-Z_]{1,39}$/.test(code) ? code : 'ERROR';

/**
 * Request metrics (by operation name, type and outcome), and one log line per
 * failed operation naming the subgraphs that failed (a refused variable's
 * value, which may be PII, is left out).
 */
export function observeGateway(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const end = graphqlDuration.startTimer({ service: 'gateway' });
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ errors, contextValue, operationName, operation, request }) {
          end();
          graphqlRequests.inc({ service: 'gateway', outcome: errors?.length ? 'error' : 'ok' });
          const labels = {
            operation: operationLabel(operationName ?? request.operationName),
            type: operation?.operation ?? 'unknown',
          };
          requestMetrics.operations.inc({
            ...labels,
            outcome: errors?.length ? codeLabel(errors[0].extensions?.code) : 'ok',
          });
          requestMetrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
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
