import { z } from 'zod';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits';

/** A positive whole number from the environment; an empty string means "not set". */
const limit = (fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(1).max(100_000_000).default(fallback),
  );

/**
 * The operation-limit variables, a fragment of the gateway's config schema
 * (`z.object({ ...limitsConfig, ... })`); past a limit the request fails with
 * QUERY_TOO_COMPLEX naming it, before any subgraph is called.
 * - LIMIT_MAX_DEPTH (default 20): nested field levels (a root field is level 1; fragments add none)
 * - LIMIT_MAX_ALIASES (default 30): aliased fields, counted at every place a fragment is spread
 * - LIMIT_MAX_ROOT_FIELDS (default 20): fields at the root of the operation
 * - LIMIT_MAX_TOKENS (default 5000): lexical tokens of the document (comments excluded)
 * - LIMIT_MAX_COST (default 100000): estimated cost: each field 1, a list's subtree times its size
 *   (`first`, else the schema's default, else 20 for a connection and 10 for a plain list)
 */
export const limitsConfig = {
  LIMIT_MAX_DEPTH: limit(DEFAULT_OPERATION_LIMITS.maxDepth),
  LIMIT_MAX_ALIASES: limit(DEFAULT_OPERATION_LIMITS.maxAliases),
  LIMIT_MAX_ROOT_FIELDS: limit(DEFAULT_OPERATION_LIMITS.maxRootFields),
  LIMIT_MAX_TOKENS: limit(DEFAULT_OPERATION_LIMITS.maxTokens),
  LIMIT_MAX_COST: limit(DEFAULT_OPERATION_LIMITS.maxCost),
};

export type LimitsEnv = { [K in keyof typeof limitsConfig]: z.output<(typeof limitsConfig)[K]> };

/** The parsed variables as the `limits` the plugin and the transports take. */
export const toOperationLimits = (env: LimitsEnv): OperationLimits =>
  Object.freeze({
    maxDepth: env.LIMIT_MAX_DEPTH,
    maxAliases: env.LIMIT_MAX_ALIASES,
    maxRootFields: env.LIMIT_MAX_ROOT_FIELDS,
    maxTokens: env.LIMIT_MAX_TOKENS,
    maxCost: env.LIMIT_MAX_COST,
  });
