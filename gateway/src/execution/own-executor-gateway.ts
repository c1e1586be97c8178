import type { ApolloGateway, ServiceMap } from '@apollo/gateway';
import type { PlanNode } from '@apollo/query-planner';
import type {
  GatewayApolloConfig,
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError } from 'graphql';
import type { Logger } from '@supply-graph/shared';
import type { GatewayContext } from '../context';
import { cacheAccessKey, type EntityCache } from './entity-cache';
import { OperationCompiler, type CompiledOperation } from './operation-compiler';
import { executeNode, type PlanRun } from './plan-executor';
import { shapeResponse } from './response-shaping';

/** Compiled operations kept; past it the cache starts over (a gateway's operations are few). */
const PLAN_LIMIT = 1_000;

/**
 * @apollo/gateway for loading the supergraph, its schema updates and its
 * data sources; the project's own executor for queries and mutations
 * (GATEWAY_EXECUTOR=own). Each operation is planned and compiled once
 * (operation-compiler.ts); per request only the plan runs and the answer is
 * shaped from precompiled selections. An operation the own executor does not
 * cover is handed, every time, to @apollo/gateway's executor.
 */
export class OwnExecutorGateway implements GatewayInterface {
  private compiler: OperationCompiler | null = null;
  private apolloExecutor: GatewayExecutor | null = null;
  private serviceMap: ServiceMap = {};
  /** By operation name and query hash; null: @apollo/gateway's executor runs it. */
  private readonly plans = new Map<string, CompiledOperation | null>();

  constructor(
    private readonly apollo: ApolloGateway,
    /** The data sources @apollo/gateway built (read after each schema load). */
    private readonly services: () => ServiceMap,
    private readonly logger: Logger,
    /** Entity answers kept between requests; null: every entity is fetched. */
    private readonly cache: EntityCache | null = null,
  ) {
    apollo.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.compiler = new OperationCompiler(coreSupergraphSdl, apiSchema);
      this.plans.clear();
    });
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.apollo.onSchemaLoadOrUpdate(callback);
  }

  async load(options: { apollo: GatewayApolloConfig }): Promise<GatewayLoadResult> {
    const { executor } = await this.apollo.load(options);
    this.apolloExecutor = executor;
    this.serviceMap = this.services();
    return { executor: this.executor };
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }

  readonly executor: GatewayExecutor = (requestContext) => {
    const compiled = requestContext.metrics?.captureTraces ? null : this.compiled(requestContext);
    return compiled ? this.execute(compiled, requestContext) : this.apolloExecutor!(requestContext);
  };

  private compiled(requestContext: GatewayGraphQLRequestContext): CompiledOperation | null {
    const operationName = requestContext.request.operationName;
    const key = `${operationName ?? ''}\n${requestContext.queryHash}`;
    let compiled = this.plans.get(key);
    if (compiled === undefined) {
      const outcome = this.compiler!.compile(requestContext.document, operationName);
      if (outcome.reason !== null)
        this.logger.debug({ operationName, reason: outcome.reason }, "operation left to @apollo/gateway's executor");
      if (this.plans.size >= PLAN_LIMIT) this.plans.clear();
      compiled = outcome.compiled;
      this.plans.set(key, compiled);
    }
    return compiled;
  }

  private async execute(
    operation: CompiledOperation,
    requestContext: GatewayGraphQLRequestContext,
  ): Promise<GatewayExecutionResult> {
    const compiler = this.compiler!;
    const given = requestContext.request.variables;
    // As @apollo/gateway: refused variables answer before anything is fetched.
    if (operation.variableDefinitions.length) {
      const { errors } = getVariableValues(compiler.schema, operation.variableDefinitions, given ?? {});
      if (errors) return { errors };
    }
    const data: Record<string, unknown> = {};
    const run: PlanRun = {
      serviceMap: this.serviceMap,
      requestContext,
      variables: given,
      defaults: operation.defaults,
      types: compiler.supergraphTypes,
      errors: [],
      cache: this.cache,
      readsCache: operation.isQuery,
      access: this.cache ? cacheAccessKey((requestContext.context as GatewayContext).principal) : '',
    };
    if (operation.plan.node)
      await executeNode(run, operation.plan.node as PlanNode, { path: [], data, fullResult: data });
    const { errors } = run;
    try {
      const shaped = shapeResponse(
        data,
        operation.selections,
        operation.rootType,
        { ...operation.defaults, ...given },
        compiler.apiTypes,
      );
      // @apollo/gateway's compromise: shaping errors after a clean execution ride in extensions, never as errors.
      if (errors.length === 0 && shaped.errors.length > 0)
        return { extensions: { valueCompletion: shaped.errors }, data: shaped.data };
      return errors.length === 0 ? { data: shaped.data } : { errors, data: shaped.data };
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
      this.logger.error(`Unexpected error during query plan execution: ${error}`);
      return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
    }
  }
}
