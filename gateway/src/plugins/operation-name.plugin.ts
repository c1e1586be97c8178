import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A document whose operation cannot be picked (an unknown `operationName`, or
 * several operations and no name) is the client's mistake: 400 with Apollo's
 * OPERATION_RESOLUTION_FAILURE, as a standalone Apollo Server answers. Left to
 * @apollo/gateway's executor, it throws and the client gets a 500.
 */
export function rejectUnresolvedOperation<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'The document holds several operations: name the one to run in operationName.';
          throw new GraphQLError(message, {
            extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
          });
        },
      };
    },
  };
}
