import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, bearerToken, type InternalTokens, type Logger } from '@supply-graph/shared';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { StatusEventInput, SubscriptionPlanner } from './subscription-planner';
import { readBody, sendJson } from '../route-helpers';

export const PAYLOAD_PATH = '/internal/subscription-payload';

interface PayloadRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  /** Absent: only check the document and return its filter arguments. */
  event?: StatusEventInput;
}

/**
 * For partner webhooks, kept by the orders subgraph: a webhook's payload is a
 * subscription document, so it is checked against, and resolved through, the
 * same supergraph plan as a live subscription. Not part of the public API:
 * callers present an internal token (signed with INTERNAL_TOKEN_SECRET, as
 * only the platform's services can), whatever address they call from; the
 * payload is resolved with the claims that token carries (the webhook
 * owner's), passed on to the subgraphs as they are.
 */
export function payloadRoute(planner: SubscriptionPlanner, tokens: InternalTokens, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '').split('?')[0] !== PAYLOAD_PATH) return false;
    if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'POST only' }] });
    const internalToken = bearerToken(req.headers.authorization);
    try {
      await tokens.verify(internalToken);
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'internal endpoint';
      return sendJson(res, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    let body: PayloadRequest;
    try {
      body = JSON.parse(await readBody(req, 1_000_000)) as PayloadRequest;
    } catch {
      return sendJson(res, 400, {
        errors: [{ message: 'the body is not JSON', extensions: { code: 'BAD_USER_INPUT' } }],
      });
    }
    const checked = check(planner, body);
    if (Array.isArray(checked))
      return sendJson(res, 400, {
        errors: checked.map((e) => ({ message: e.message, extensions: { code: 'BAD_USER_INPUT' } })),
      });
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    try {
      const compiled = planner.compile(checked, operationName);
      if (!body.event) return sendJson(res, 200, { filter: compiled.argumentsOf(variables) });
      return sendJson(
        res,
        200,
        await compiled.resolve(body.event, variables, { requestId: `payload-${body.event.eventId}`, internalToken }),
      );
    } catch (err) {
      logger.error({ err }, 'subscription payload failed');
      return sendJson(res, 500, {
        errors: [{ message: 'the payload could not be resolved', extensions: { code: 'INTERNAL' } }],
      });
    }
  };
}

/** The document, or every problem with it: it must be valid and subscribe to orderStatusChanged. */
function check(planner: SubscriptionPlanner, body: PayloadRequest): DocumentNode | GraphQLError[] {
  if (typeof body.query !== 'string') return [new GraphQLError('query: a GraphQL subscription document is required')];
  if (body.variables !== undefined && (typeof body.variables !== 'object' || body.variables === null))
    return [new GraphQLError('variables: must be an object')];
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    return [err as GraphQLError];
  }
  const errors = validate(planner.schema, document);
  if (errors.length) return [...errors];
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === body.operationName);
  if (operation?.operation !== 'subscription') return [new GraphQLError('query: must be one subscription operation')];
  const [field] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD || field.name.value !== 'orderStatusChanged')
    return [new GraphQLError('query: must subscribe to orderStatusChanged')];
  return document;
}
