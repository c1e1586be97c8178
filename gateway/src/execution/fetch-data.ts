import type { FetchDataRewrite, QueryPlanFieldNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { TypeInfo } from './response-shape';

/**
 * What a fetch sends and how its answer joins the data: the representations
 * of the entities (`requires`), the planner's input and output rewrites, and
 * the merge of an answer into the data fetched so far. The semantics are
 * @apollo/gateway's (executeQueryPlan.ts executeSelectionSet, dataRewrites.ts,
 * utilities/deepMerge.ts); type checks are answered once per pair of names.
 */

type Data = Record<string, unknown>;

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Merges `source` into `target` as @apollo/gateway's deepMerge does. Data is
 * parsed JSON in plain objects: a property inherited from Object.prototype
 * (always a function) counts as absent, and `__proto__` is never written.
 */
export function deepMerge(target: Data, source: unknown): Data {
  if (source === undefined || source === null) return target;
  const from = source as Data;
  // Parsed JSON has no inherited enumerable properties: for-in walks own keys without allocating a key array.
  for (const key in from) {
    const value = from[key];
    if (value === undefined || key === '__proto__') continue;
    let existing = target[key];
    if (typeof existing === 'function') existing = undefined;
    if (existing && isObject(value)) {
      deepMerge(existing as Data, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i], value[i]);
        else existing[i] = value[i];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Type conditions against the supergraph schema (`requires` may name @inaccessible types). */
export class SupergraphTypes {
  private readonly types: TypeInfo;

  constructor(schema: GraphQLSchema) {
    this.types = new TypeInfo(schema);
  }

  /** dataRewrites.ts isObjectOfType. */
  isObjectOfType(obj: Data, typeCondition: string, whenUnknown = false): boolean {
    const typename = obj.__typename;
    if (!typename) return whenUnknown;
    return this.types.isSubtype(typeCondition, typename as string);
  }
}

/** The representation of `source` for a fetch's `requires`; null when an input is missing. */
export function representation(
  types: SupergraphTypes,
  source: Data | null,
  selections: readonly QueryPlanSelectionNode[],
): Data | null {
  if (source === null) return null;
  const result: Data = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const field = selection as QueryPlanFieldNode;
      const name = field.alias ?? field.name;
      // A missing input means the entity was nulled by an error already reported: leave the entity out.
      if (!hasOwn(source, name) || source[name] === undefined) return null;
      const value = source[name];
      const sub = field.selections;
      if (Array.isArray(value)) result[name] = value.map((v) => (sub ? representation(types, v as Data, sub) : v));
      else result[name] = sub ? representation(types, value as Data | null, sub) : value;
    } else {
      if (!selection.typeCondition) continue;
      if (types.isObjectOfType(source, selection.typeCondition))
        deepMerge(result, representation(types, source, selection.selections));
    }
  }
  return result;
}

const FRAGMENT_PREFIX = '... on ';

/** dataRewrites.ts applyRewrites. */
export function applyRewrites(types: SupergraphTypes, rewrites: FetchDataRewrite[] | undefined, value: unknown): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parent = rewrite.path.slice(0, -1);
    const last = rewrite.path[rewrite.path.length - 1];
    if (last.startsWith(FRAGMENT_PREFIX)) throw new Error(`Unexpected fragment as last element of ${rewrite.path}`);
    const apply =
      rewrite.kind === 'ValueSetter'
        ? (obj: Data) => {
            obj[last] = rewrite.setValueTo;
          }
        : (obj: Data) => {
            const at = hasOwn(obj, last) ? obj[last] : undefined;
            if (at) {
              obj[rewrite.renameKeyTo] = at;
              obj[last] = undefined;
            }
          };
    applyAtPath(types, parent, value, apply);
  }
}

function applyAtPath(types: SupergraphTypes, path: string[], value: unknown, apply: (obj: Data) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(types, path, element, apply);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const obj = value as Data;
  if (path.length === 0) {
    apply(obj);
    return;
  }
  const [first, ...rest] = path;
  if (first.startsWith(FRAGMENT_PREFIX)) {
    // Rewrites run before every __typename is known: an unknown one does not stop them.
    if (types.isObjectOfType(obj, first.slice(FRAGMENT_PREFIX.length), true)) applyAtPath(types, rest, obj, apply);
  } else {
    applyAtPath(types, rest, hasOwn(obj, first) ? obj[first] : undefined, apply);
  }
}
