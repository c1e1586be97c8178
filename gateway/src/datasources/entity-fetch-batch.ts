import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Entity fetches of one request to one subgraph that the query plan runs in
 * parallel (the 360 query asks inventory for the orders' allocations and for
 * their lines' products at the same moment) merged into one operation: one
 * HTTP call, one pass through the subgraph's server and one set of its
 * DataLoaders instead of two. Each fetch's `_entities` field gets an alias
 * (`_0`, `_1`, ...) and its variables and fragments a suffix of their own, so
 * the merged document means exactly what the fetches meant; the answer is
 * split back into one `_entities` answer per fetch.
 */

/** One fetch as the planner wrote it. */
export interface EntityFetch {
  query: string;
  variables: Record<string, unknown> | undefined;
}

/** An entity fetch's document, parsed once: its operation and fragments. */
interface Parsed {
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
}

const LIMIT = 1_000;
const parsedFetches = new Map<string, Parsed | null>();
const mergedTexts = new Map<string, string>();

/** Bounded memo: past the limit it starts over (the plans of one gateway are few). */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** The parsed fetch if it is a query whose one root field is an un-aliased `_entities`; else null. */
function parsedEntityFetch(query: string): Parsed | null {
  const known = parsedFetches.get(query);
  if (known !== undefined) return known;
  let parsed: Parsed | null = null;
  try {
    const document = parse(query, { noLocation: true });
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    const [root] = operation?.selectionSet.selections ?? [];
    const onlyEntities =
      operations.length === 1 &&
      operation.operation === 'query' &&
      operation.selectionSet.selections.length === 1 &&
      root.kind === Kind.FIELD &&
      root.name.value === '_entities' &&
      !root.alias;
    if (onlyEntities)
      parsed = { operation, fragments: document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION) };
  } catch {
    parsed = null;
  }
  return remember(parsedFetches, query, parsed);
}

/** True for a fetch `mergeEntityFetches` can take. */
export const isMergeableEntityFetch = (query: string): boolean => parsedEntityFetch(query) !== null;

/** Part `index` of a merge: its variables and fragments renamed, its `_entities` aliased `_<index>`. */
function renamed(parsed: Parsed, index: number): { operation: OperationDefinitionNode; fragments: DocumentNode } {
  const suffix = `_${index}`;
  const rename = <T extends { name: { value: string } }>(node: T): T => ({
    ...node,
    name: { ...node.name, value: `${node.name.value}${suffix}` },
  });
  const visitor = {
    Variable: rename,
    FragmentSpread: rename,
    FragmentDefinition: rename,
  };
  const operation = visit(parsed.operation, visitor);
  const [field] = operation.selectionSet.selections as FieldNode[];
  const aliased: FieldNode = { ...field, alias: { kind: Kind.NAME, value: `_${index}` } };
  return {
    operation: { ...operation, selectionSet: { ...operation.selectionSet, selections: [aliased] } },
    fragments: visit({ kind: Kind.DOCUMENT, definitions: parsed.fragments }, visitor),
  };
}

/** One operation for several entity fetches (each `isMergeableEntityFetch`), and its variables. */
export function mergeEntityFetches(fetches: readonly EntityFetch[]): {
  query: string;
  variables: Record<string, unknown>;
} {
  const key = fetches.map((f) => f.query).join('\u0000');
  let query = mergedTexts.get(key);
  if (query === undefined) {
    const parts = fetches.map((f, i) => renamed(parsedEntityFetch(f.query) as Parsed, i));
    const [first] = parts;
    const operation: OperationDefinitionNode = {
      ...first.operation,
      name: first.operation.name && { ...first.operation.name, value: `${first.operation.name.value}__batch` },
      variableDefinitions: parts.flatMap((p) => p.operation.variableDefinitions ?? []),
      directives: [],
      selectionSet: { kind: Kind.SELECTION_SET, selections: parts.flatMap((p) => p.operation.selectionSet.selections) },
    };
    const definitions = [operation, ...parts.flatMap((p) => p.fragments.definitions)];
    query = remember(mergedTexts, key, print({ kind: Kind.DOCUMENT, definitions }));
  }
  const variables: Record<string, unknown> = {};
  fetches.forEach((f, i) => {
    for (const [name, value] of Object.entries(f.variables ?? {})) variables[`${name}_${i}`] = value;
  });
  return { query, variables };
}

/**
 * The merged answer as one answer per fetch: each its `_entities` and the
 * errors under its alias (their paths back under `_entities`); an error that
 * names no fetch (no path) goes to every fetch.
 */
export function splitEntityAnswer(answer: GatewayGraphQLResponse, count: number): GatewayGraphQLResponse[] {
  const data = answer.data as Record<string, unknown> | null | undefined;
  return Array.from({ length: count }, (_, i) => {
    const alias = `_${i}`;
    const errors = (answer.errors ?? []).flatMap((error) => {
      const [head, ...rest] = error.path ?? [];
      if (head === undefined) return [error];
      return head === alias ? [{ ...error, path: ['_entities', ...rest] }] : [];
    });
    const part: GatewayGraphQLResponse = data ? { data: { _entities: data[alias] ?? null } } : { data: null };
    if (errors.length) part.errors = errors;
    if (answer.extensions) part.extensions = answer.extensions;
    return part;
  });
}
