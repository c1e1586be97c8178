import type { GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, ResponsePath } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { GraphQLError } from 'graphql';
import { downstreamError, errorPathGenerator } from './downstream-errors';
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
    const received = await send(run, fetch, cursor, variables);
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

  variables.representations = representations;
  const received = await send(run, fetch, cursor, variables);
  if (!received) return;
  const answered = received._entities;
  if (!Array.isArray(answered)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (answered.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < answered.length; i++) {
    const entity = answered[i] as Data | null;
    const existing = entities[representationToEntity[i]];
    if (entity && !entity.__typename) entity.__typename = existing.__typename;
    applyRewrites(run.types, fetch.outputRewrites, entity);
    deepMerge(existing, entity);
  }
}

/** One call to the fetch's subgraph, with the options @apollo/gateway passes; its errors recorded in place. */
async function send(run: PlanRun, fetch: FetchNode, cursor: Cursor, variables: Data): Promise<Data | null | undefined> {
  const response = await run.serviceMap[fetch.serviceName].process({
    kind: INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const pathOf = errorPathGenerator(fetch, cursor);
    for (const error of response.errors) run.errors.push(downstreamError(error, fetch.serviceName, pathOf));
    if (!response.extensions?.ftv1) {
      const metrics = run.requestContext.metrics;
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data as Data | null | undefined;
}
