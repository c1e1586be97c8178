import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

/**
 * The errors the gateway reports when one fetch to a subgraph failed as a
 * whole: one error per field the fetch would have filled (root fields, or the
 * fields it adds to entities), never pathless copies of one message.
 * @apollo/gateway places each returned error at the fetch's own place in the
 * answer (an error's `path` is relative to the fetch), so the client sees
 * where the missing data belongs, e.g. `customer.orders.edges.@.node.shipments`
 * (`@` standing for every element of a list, as Apollo Router writes it).
 */
export function fetchFailure(
  document: DocumentNode | undefined,
  query: string | undefined,
  isEntityFetch: boolean,
  error: { message: string; extensions: Record<string, unknown> },
): GatewayGraphQLResponse {
  const fields = topFields(document ?? parseCached(query), isEntityFetch);
  const paths: string[][] = fields.length ? fields.map((f) => [f]) : [[]];
  return { errors: paths.map((path) => ({ ...error, path })) };
}

/** Response names the fetch fills: root fields, or the fields selected on `_entities`. */
function topFields(document: DocumentNode | null, isEntityFetch: boolean): string[] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const roots = fieldNames(operation.selectionSet);
  if (!isEntityFetch) return roots;
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  return entities && entities.kind === Kind.FIELD && entities.selectionSet
    ? [...new Set(fieldNames(entities.selectionSet))]
    : [];
}

/** Field response names of a selection set, looking through inline fragments; `__typename` is not data. */
function fieldNames(set: SelectionSetNode): string[] {
  const names: string[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      if (name !== '__typename') names.push(name);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      names.push(...fieldNames(selection.selectionSet));
    }
  }
  return names;
}

const parsed = new Map<string, DocumentNode | null>();

/** Fetch operations come from a bounded set of query plans: parse each at most once. */
function parseCached(query: string | undefined): DocumentNode | null {
  if (!query) return null;
  if (!parsed.has(query)) {
    if (parsed.size > 1000) parsed.clear();
    try {
      parsed.set(query, parse(query));
    } catch {
      parsed.set(query, null);
    }
  }
  return parsed.get(query)!;
}
