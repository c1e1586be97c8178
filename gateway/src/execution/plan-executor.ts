import type { GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, ResponsePath } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { GraphQLError } from 'graphql';
import { downstreamError, errorPathGenerator } from './downstream-errors';
import { isStorable, type EntityCache } from './entity-cache';
import { applyRewrites, deepMerge, representation, type SupergraphTypes } from './fetch-data';

/**
 * Runs a query plan's nodes (Sequence, Parallel, Flatten, Fetch, Condition)
 * into one tree of fetched data, as @apollo/gateway's executeQueryPlan does:
 * the same calls to each subgraph's data source, in the same order and
 * grouping (parallel fetches are all started in the same turn, so the data
 * source can batch and share them), the same merging and the same error
 * placement. No tracing spans and no Studio traces: operations that capture
 * traces go to @apollo/gateway's executor.
 */

type Data = Record<string, unknown>;

/** Where a node works: the path into the result and the object(s) found there. */
export interface Cursor {
  path: ResponsePath;
  data: Data | Data[];
  fullResult: Data;
}

export interface PlanRun {
  serviceMap: ServiceMap;
  requestContext: GatewayGraphQLRequestContext;
  /** The request's variables as given (fetches pass them on unchanged). */
  variables: Record<string, unknown> | undefined;
  /** Default values of the operation's variables (for Condition nodes). */
  defaults: Record<string, unknown>;
  types: SupergraphTypes;
  errors: GraphQLError[];
  /** Entity answers kept between requests (entity-cache.ts); null: off. */
  cache: EntityCache | null;
  /** The operation is a query: its entity fetches may be answered from the cache. */
  readsCache: boolean;
  /** The caller's access (`cacheAccessKey`), part of every cache key. */
  access: string;
}

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the package exports the enum's type only). */
const INCOMING_OPERATION = 'incoming operation' as Extract<
  GraphQLDataSourceProcessOptions,
  { incomingRequestContext: unknown }
>['kind'];

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

export async function executeNode(run: PlanRun, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(run, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        run.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = conditionValue(run, node.condition) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    default:
      // The plan is checked when it is compiled (operation-compiler.ts): other kinds never get here.
      throw new Error(`unsupported plan node ${node.kind}`);
  }
}

/** @apollo/query-planner's evaluateCondition. */
function conditionValue(run: PlanRun, variable: string): boolean {
  let value = run.variables && hasOwn(run.variables, variable) ? run.variables[variable] : undefined;
  if (value === undefined) value = run.defaults[variable];
  if (value === undefined) throw new Error(`Missing value for variable $${variable} (and no default found)`);
  if (typeof value !== 'boolean')
    throw new Error(`Invalid non-boolean value ${value} for Boolean! variable $${variable}`);
  return value;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = flatten(cursor.data, path, 0);
  return data
    ? { path: cursor.path.concat(path), data: data as Data | Data[], fullResult: cursor.fullResult }
    : undefined;
}

function flatten(value: unknown, path: ResponsePath, at: number): unknown {
  if (at === path.length || value === undefined || value === null) return value;
  const step = path[at];
  if (step === '@') {
    // Array.prototype.flatMap, without a closure per level.
    const out: unknown[] = [];
    for (const element of value as unknown[]) {
      const inner = flatten(element, path, at + 1);
      if (Array.isArray(inner)) for (const item of inner) out.push(item);
      else out.push(inner);
    }
    return out;
  }
  if (typeof step !== 'string') throw new Error(`Unexpected ${typeof step} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${step}`);
  const obj = value as Data;
  return flatten(hasOwn(obj, step) ? obj[step] : undefined, path, at + 1);
}

async function executeFetch(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = run.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data)
    ? cursor.data.filter((e) => e !== null && e !== undefined)
    : [cursor.data];
  if (entities.length < 1) return;

  const variables: Data = {};
  const given = run.variables;
  if (fetch.variableUsages && given) {
    for (const name of fetch.variableUsages) {
      if (hasOwn(given, name) && given[name] !== undefined) variables[name] = given[name];
    }
  }

  if (!fetch.requires) {
    const { data: received } = await send(run, fetch, cursor, variables);
    if (received) applyRewrites(run.types, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }

  const representations: Data[] = [];
  const representationToEntity: number[] = [];
  for (let i = 0; i < entities.length; i++) {
    const rep = representation(run.types, entities[i], fetch.requires);
    if (rep?.__typename) {
      applyRewrites(run.types, fetch.inputRewrites, rep);
      representations.push(rep);
      representationToEntity.push(i);
    }
  }
  // The type conditions of `requires` match none of the entities.
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);

  const answered = await entityAnswers(run, fetch, cursor, variables, representations);
  if (!answered) return;
  for (let i = 0; i < answered.length; i++) {
    const entity = answered[i] as Data | null;
    const existing = entities[representationToEntity[i]];
    if (entity && !entity.__typename) entity.__typename = existing.__typename;
    applyRewrites(run.types, fetch.outputRewrites, entity);
    deepMerge(existing, entity);
  }
}

/**
 * The subgraph's `_entities` answer, one per representation: those the cache holds from it, the rest fetched (and
 * kept when the answer is clean). Without a cache, or for a mutation's fetches, every representation is fetched.
 */
async function entityAnswers(
  run: PlanRun,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Data,
  representations: Data[],
): Promise<unknown[] | null> {
  const cache = run.readsCache ? run.cache : null;
  if (!cache) {
    variables.representations = representations;
    const { data } = await send(run, fetch, cursor, variables);
    return data ? checkedEntities(data, representations.length) : null;
  }
  const subgraph = fetch.serviceName;
  const generation = cache.generation(subgraph);
  const prefix = `${run.access}\n${fetchId(fetch.operation)}\n${JSON.stringify(variables)}\n`;
  const keys: string[] = [];
  const answers: unknown[] = [];
  const missing: number[] = [];
  for (let i = 0; i < representations.length; i++) {
    const key = prefix + JSON.stringify(representations[i]);
    const text = cache.get(subgraph, key);
    keys.push(key);
    if (text === undefined) missing.push(i);
    answers.push(text === undefined ? undefined : JSON.parse(text));
  }
  if (missing.length === 0) return answers;
  variables.representations =
    missing.length === representations.length ? representations : missing.map((i) => representations[i]);
  const { data, clean } = await send(run, fetch, cursor, variables, missing);
  // A failed call: what the cache held still stands, the rest is missing (as without the cache).
  if (!data) return missing.length === representations.length ? null : answers;
  const fetched = checkedEntities(data, missing.length);
  for (let j = 0; j < missing.length; j++) {
    const i = missing[j];
    answers[i] = fetched[j];
    // Kept as text before the answer is merged into (and shared by) this request's data.
    if (clean) cache.set(subgraph, keys[i], JSON.stringify(fetched[j] ?? null), generation);
  }
  return answers;
}

function checkedEntities(data: Data, expected: number): unknown[] {
  const answered = data._entities;
  if (!Array.isArray(answered)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (answered.length !== expected) throw new Error(`Expected "data._entities" to contain ${expected} elements`);
  return answered;
}

/** A small number per distinct fetch document, for cache keys; never reused, so a reset only costs misses. */
const fetchIds = new Map<string, number>();
let nextFetchId = 0;
function fetchId(operation: string): number {
  let id = fetchIds.get(operation);
  if (id === undefined) {
    if (fetchIds.size >= 10_000) fetchIds.clear();
    id = nextFetchId++;
    fetchIds.set(operation, id);
  }
  return id;
}

/**
 * One call to the fetch's subgraph, with the options @apollo/gateway passes; its errors recorded in place.
 * `sentIndexes`: the representations sent, when only some were (the rest came from the cache), so an error's
 * `_entities.<i>` names the entity it would have named had all been sent. `clean`: no errors, and the subgraph
 * allows the answer to be kept.
 */
async function send(
  run: PlanRun,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Data,
  sentIndexes?: number[],
): Promise<{ data: Data | null | undefined; clean: boolean }> {
  const response = await run.serviceMap[fetch.serviceName].process({
    kind: INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  // Read-your-writes through this gateway: a mutation's subgraph answers afresh from now on.
  if (fetch.operationKind === 'mutation') run.cache?.invalidate(fetch.serviceName, 'mutation');
  if (response.errors) {
    const pathOf = errorPathGenerator(fetch, cursor);
    const placed = sentIndexes ? (path: ErrorPath) => pathOf(cachedEntityPath(path, sentIndexes)) : pathOf;
    for (const error of response.errors) run.errors.push(downstreamError(error, fetch.serviceName, placed));
    if (!response.extensions?.ftv1) {
      const metrics = run.requestContext.metrics;
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return { data: response.data as Data | null | undefined, clean: !response.errors?.length && isStorable(response) };
}

type ErrorPath = readonly (string | number)[] | null | undefined;

/** `_entities.<j>` of a call that carried some representations -> `_entities.<i>` of all of them. */
function cachedEntityPath(path: ErrorPath, sentIndexes: number[]): ErrorPath {
  if (path?.[0] !== '_entities' || typeof path[1] !== 'number') return path;
  return [path[0], sentIndexes[path[1]] ?? path[1], ...path.slice(2)];
}
