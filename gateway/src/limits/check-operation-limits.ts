import {
  getOperationAST,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { AppError } from '@supply-graph/shared';
import { costVariables, estimateCost } from './estimate-cost';
import { queryTooComplex, type OperationLimits } from './limits';
import { documentTokens, measureOperation, sourceTokens, type OperationShape } from './measure-document';

export interface OperationRequest {
  /** The API schema the operation runs against (for the cost estimate). */
  schema: GraphQLSchema;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** An overlong text is counted only this far past the limit (see `sourceTokens`). */
const TOKEN_COUNT_FACTOR = 10;

const operationsIn = (document: DocumentNode): OperationDefinitionNode[] =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/**
 * The operation the request runs; when it names none that exists, or the
 * document holds several and none is named, every operation (the request is
 * refused later for that anyway).
 */
function operationsRun(document: DocumentNode, operationName?: string | null): OperationDefinitionNode[] {
  const picked = getOperationAST(document, operationName);
  return picked ? [picked] : operationsIn(document);
}

function shapeRefusal(shape: OperationShape, limits: OperationLimits): AppError | null {
  if (shape.depth > limits.maxDepth) return queryTooComplex('depth', limits.maxDepth, shape.depth);
  if (shape.aliases > limits.maxAliases) return queryTooComplex('aliases', limits.maxAliases, shape.aliases);
  if (shape.rootFields > limits.maxRootFields)
    return queryTooComplex('rootFields', limits.maxRootFields, shape.rootFields);
  return null;
}

/**
 * The limits that need neither the schema nor the variables: tokens (when
 * the document was parsed with locations), depth, aliases and root fields.
 * One linear pass, meant to run before GraphQL validation, whose cost grows
 * much faster with aliases and repeated fields than this does. Every
 * operation of the document is held to them, whichever is run: validation
 * reads them all, and the verdict holds for the document whatever
 * `operationName` a later request gives (Apollo caches validated documents).
 */
export function checkDocumentShape(document: DocumentNode, limits: OperationLimits): AppError | null {
  const tokens = documentTokens(document);
  if (tokens !== null && tokens > limits.maxTokens) return queryTooComplex('tokens', limits.maxTokens, tokens);
  for (const operation of operationsIn(document)) {
    const refusal = shapeRefusal(measureOperation(document, operation), limits);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Estimates kept per operation: requests that agree on the variables the cost reads share one (at most this many per
 * operation).
 */
const COSTS_KEPT = 256;
const costs = new WeakMap<
  OperationDefinitionNode,
  { schema: GraphQLSchema; variables: string[]; byValues: Map<string, number | null> }
>();

/**
 * estimateCost, remembered per operation node (the gateway keeps one parsed
 * document per query text) and per value of the variables the cost reads, so
 * the usual traffic (the same documents, different ids) pays for the walk
 * once.
 */
function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | null {
  let kept = costs.get(operation);
  if (!kept || kept.schema !== schema) {
    kept = { schema, variables: costVariables(document, operation), byValues: new Map() };
    costs.set(operation, kept);
  }
  // [] for a variable not given (its default applies), [value] for one given, null included.
  const key = JSON.stringify(kept.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])));
  if (kept.byValues.has(key)) return kept.byValues.get(key) ?? null;
  const cost = estimateCost(schema, document, operation, variables);
  if (kept.byValues.size >= COSTS_KEPT) kept.byValues.clear();
  kept.byValues.set(key, cost);
  return cost;
}

/** The estimated cost (estimate-cost.ts) of the operation the request runs, against `limits.maxCost`. */
export function checkOperationCost(
  document: DocumentNode,
  request: OperationRequest,
  limits: OperationLimits,
): AppError | null {
  for (const operation of operationsRun(document, request.operationName)) {
    const cost = cachedCost(request.schema, document, operation, request.variables ?? {});
    if (cost !== null && cost > limits.maxCost) return queryTooComplex('cost', limits.maxCost, cost);
  }
  return null;
}

/**
 * Every limit, on a parsed document: null when it is within them, else the
 * QUERY_TOO_COMPLEX error naming the first one it is past (tokens, depth,
 * aliases, root fields: of every operation in the document; then the cost of
 * the operation run). Pure: nothing is executed.
 */
export function checkOperationLimits(
  document: DocumentNode,
  request: OperationRequest,
  limits: OperationLimits,
): AppError | null {
  return checkDocumentShape(document, limits) ?? checkOperationCost(document, request, limits);
}

/**
 * The token refusal for a text the parser gave up on, or null when the text
 * is within the token limit (it failed for another reason: a syntax error).
 */
export function tokenRefusal(text: string, limits: OperationLimits): AppError | null {
  const stopAfter = limits.maxTokens * TOKEN_COUNT_FACTOR;
  const tokens = sourceTokens(text, stopAfter);
  if (tokens <= limits.maxTokens) return null;
  return queryTooComplex('tokens', limits.maxTokens, tokens, tokens > stopAfter);
}

/**
 * Every limit on an operation as a transport receives it (text or parsed),
 * before it is validated: the text is parsed with graphql-js `maxTokens`, so
 * an overlong one is refused without building its syntax tree. A text that
 * does not parse for another reason gives null: the transport's own parse
 * reports the syntax error.
 */
export function checkOperationSource(
  query: string | DocumentNode,
  request: OperationRequest,
  limits: OperationLimits,
): AppError | null {
  let document: DocumentNode;
  if (typeof query === 'string') {
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch {
      return tokenRefusal(query, limits);
    }
  } else {
    document = query;
  }
  return checkOperationLimits(document, request, limits);
}
