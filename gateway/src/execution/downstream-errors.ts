import { errorCodeDef, ERRORS } from '@apollo/federation-internals';
import type { FetchNode, ResponsePath } from '@apollo/query-planner';
import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError } from 'graphql';
import type { Cursor } from './plan-executor';

/**
 * A subgraph's error as the client sees it, exactly as @apollo/gateway
 * rewrites it: the path moved from the fetch to its place in the answer (an
 * entity fetch's `_entities.<i>` becomes the i-th entity's own path), the
 * subgraph named in `extensions.serviceName`, and DOWNSTREAM_SERVICE_ERROR
 * when the subgraph gave no code.
 */

type ErrorPath = GraphQLErrorOptions['path'];

/** Lazily expands the cursor's `@`s into one concrete path per entity, only when an error needs them. */
export function errorPathGenerator(fetch: FetchNode, cursor: Cursor): (path: ErrorPath) => ErrorPath {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function hydratePaths(parent: ResponsePath, path: ResponsePath, data: unknown, result: ResponsePath[]): void {
  if (data === null || data === undefined) return;
  const [head] = path;
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    for (const [i, value] of data.entries()) {
      parent.push(i);
      hydratePaths(parent, path.slice(1), value, result);
      parent.pop();
    }
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      for (const [i, value] of data.entries()) {
        parent.push(i);
        hydratePaths(parent, path, value, result);
        parent.pop();
      }
    } else if (Object.hasOwn(data, head)) {
      parent.push(head);
      hydratePaths(parent, path.slice(1), (data as Record<string, unknown>)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${head}"`);
  }
}

export function downstreamError(
  original: GraphQLFormattedError,
  serviceName: string,
  pathOf: (path: ErrorPath) => ErrorPath,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const { extensions } = original;
  const options: GraphQLErrorOptions = {
    originalError: original as Error,
    path: pathOf(original.path),
    extensions: { ...extensions, serviceName },
  };
  const codeDef = errorCodeDef(original);
  // A code the federation does not define (the data source's own) is kept as it is.
  if (!codeDef && extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
