import { AppError } from '@supply-graph/shared';

/** The limits an operation is held to, each named as clients see it in `extensions.limit`. */
export interface OperationLimits {
  /** Nested field levels; a root field is level 1, fragments add none. */
  maxDepth: number;
  /** Aliased fields, counted once per place a fragment is spread. */
  maxAliases: number;
  /** Fields at the root of the operation (fragments expanded, `__typename` included). */
  maxRootFields: number;
  /** Lexical tokens of the whole document, comments excluded (graphql-js `maxTokens`). */
  maxTokens: number;
  /** Estimated cost (estimate-cost.ts): each field 1, a list's subtree times its size. */
  maxCost: number;
}

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'cost';

/**
 * Defaults: room above what the committed operations, the README's examples,
 * GraphiQL's tabs and its introspection query need (committed-operations.test.ts
 * holds them to these), below what costs the gateway real work. The largest
 * today: depth 15 (GraphiQL's introspection query), 184 tokens (the same), cost
 * 79,501 (CustomersPage with first: 100, the largest page the API serves), no
 * aliases and one root field each.
 */
export const DEFAULT_OPERATION_LIMITS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 20,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 5_000,
  maxCost: 100_000,
});

const SAYS: Record<LimitName, (measured: string) => string> = {
  depth: (m) => `The operation nests fields ${m} levels deep`,
  aliases: (m) => `The operation has ${m} aliases`,
  rootFields: (m) => `The operation selects ${m} root fields`,
  tokens: (m) => `The document has ${m} tokens`,
  cost: (m) => `The operation's estimated cost is ${m} (each field 1, a list's fields times its size)`,
};

/**
 * QUERY_TOO_COMPLEX naming the limit, its maximum and what was measured.
 * `atLeast`: counting stopped early (an overlong document), so `measured` is a lower bound.
 */
export function queryTooComplex(limit: LimitName, max: number, measured: number, atLeast = false): AppError {
  const message = `${SAYS[limit](`${atLeast ? 'at least ' : ''}${measured}`)}; the limit is ${max}.`;
  return new AppError('QUERY_TOO_COMPLEX', message, { limit, max, measured });
}

/** The same refusal carrying the HTTP status Apollo Server answers it with. */
export const withStatus400 = (error: AppError): AppError =>
  new AppError(error.code, error.message, { ...error.extensions, http: { status: 400 } });
