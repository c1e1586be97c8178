import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@supply-graph/shared';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { StatusEventInput, SubscriptionPlanner } from './subscription-planner';

export const PAYLOAD_PATH = '/internal/subscription-payload';
export const INTERNAL_TOKEN_HEADER = 'x-supply-graph-internal-token';

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
 * callers present the internal token (GATEWAY_INTERNAL_TOKEN) or, when none
 * is configured, must be on this machine.
 */
export function payloadRoute(planner: SubscriptionPlanner, token: string | undefined, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '').split('?')[0] !== PAYLOAD_PATH) return false;
    if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'POST only' }] });
    const presented = req.headers[INTERNAL_TOKEN_HEADER];
    const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    if (token ? presented !== token : !local) return send(res, 403, { errors: [{ message: 'internal endpoint', extensions: { code: 'FORBIDDEN' } }] });
    let body: PayloadRequest;
    try {
      body = JSON.parse(await readBody(req)) as PayloadRequest;
    } catch {
      return send(res, 400, { errors: [{ message: 'the body is not JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    const checked = check(planner, body);
    if (checked instanceof Array) return send(res, 400, { errors: checked.map((e) => ({ message: e.message, extensions: { code: 'BAD_USER_INPUT' } })) });
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    try {
      const compiled = planner.compile(checked, operationName);
      if (!body.event) return send(res, 200, { filter: compiled.argumentsOf(variables) });
      return send(res, 200, await compiled.resolve(body.event, variables, { requestId: `payload-${body.event.eventId}` }));
    } catch (err) {
      logger.error({ err }, 'subscription payload failed');
      return send(res, 500, { errors: [{ message: 'the payload could not be resolved', extensions: { code: 'INTERNAL' } }] });
    }
  };
}

/** The document, or every problem with it: it must be valid and subscribe to orderStatusChanged. */
function check(planner: SubscriptionPlanner, body: PayloadRequest): DocumentNode | GraphQLError[] {
  if (typeof body.query !== 'string') return [new GraphQLError('query: a GraphQL subscription document is required')];
  if (body.variables !== undefined && (typeof body.variables !== 'object' || body.variables === null)) return [new GraphQLError('variables: must be an object')];
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    return [err as GraphQLError];
  }
  const errors = validate(planner.schema, document);
  if (errors.length) return [...errors];
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === body.operationName);
  if (!operation || operation.operation !== 'subscription') return [new GraphQLError('query: must be one subscription operation')];
  const [field] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD || field.name.value !== 'orderStatusChanged') return [new GraphQLError('query: must subscribe to orderStatusChanged')];
  return document;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 1_000_000) req.destroy(new Error('body too large'));
    });
    req.once('end', () => resolve(text));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): true {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
  return true;
}
