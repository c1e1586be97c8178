import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { AppError } from '@supply-graph/shared';
import { checkDocumentShape, checkOperationCost, tokenRefusal } from './check-operation-limits';
import { withStatus400, type OperationLimits } from './limits';

/**
 * A document that validates at once, to stand in for a refused one: an
 * operation `{ __typename }` under each name the refused document gave one
 * (or one without a name), so that whatever operation a request names
 * resolves as it would have, and the client gets the refusal rather than a
 * resolution failure.
 */
function standIn(refused: DocumentNode): DocumentNode {
  const names = new Set<string>();
  for (const definition of refused.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
  }
  const operation = (name?: string): OperationDefinitionNode => ({
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: name === undefined ? undefined : { kind: Kind.NAME, value: name },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
    },
  });
  return { kind: Kind.DOCUMENT, definitions: names.size ? [...names].map(operation) : [operation()] };
}

/**
 * Holds every operation Apollo Server runs to `limits`, answering one past a
 * limit with QUERY_TOO_COMPLEX (HTTP 400) before any subgraph is called.
 *
 * Tokens, depth, aliases and root fields are checked on the parsed document
 * before GraphQL validation, which costs far more than this check: a
 * thousand aliased fields take validation a tenth of a second or more, and
 * the gateway seconds once planning is added. Apollo Server answers an error
 * thrown before validation as a 500, so a refused document is swapped for a
 * stand-in that validates at once, and the refusal is thrown from
 * `didResolveOperation`, where Apollo answers a thrown error as it is
 * (apollographql/apollo-server#7001). Apollo caches the validated stand-in
 * under the query's hash: a repeat finds it and is refused the same way.
 *
 * With `parseOptions: { maxTokens }` set to the same limit, an overlong
 * document stops the parser early; its GRAPHQL_PARSE_FAILED answer is turned
 * into the token refusal when the response is sent. The cost needs the
 * variables and is checked on every request, in `didResolveOperation`.
 */
export function operationLimits<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  const refusedDocuments = new WeakMap<DocumentNode, AppError>();
  return {
    async requestDidStart() {
      let overlong: AppError | null = null;
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error) overlong = tokenRefusal(source, limits);
          };
        },
        async validationDidStart(requestContext) {
          const refusal = checkDocumentShape(requestContext.document, limits);
          if (!refusal) return;
          const document = standIn(requestContext.document);
          refusedDocuments.set(document, refusal);
          (requestContext as { document: DocumentNode }).document = document;
        },
        async didResolveOperation({ document, schema, request, operationName }) {
          const refusal =
            refusedDocuments.get(document) ??
            checkOperationCost(document, { schema, variables: request.variables, operationName }, limits);
          if (refusal) throw withStatus400(refusal);
        },
        async willSendResponse({ response }) {
          if (!overlong || response.body?.kind !== 'single') return;
          response.body.singleResult = {
            errors: [{ message: overlong.message, extensions: { ...overlong.extensions } }],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
