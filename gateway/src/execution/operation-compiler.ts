import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import { SupergraphTypes } from './fetch-data';
import { ShapeCompiler, TypeInfo, Unsupported, variableDefaults, type Selection } from './response-shape';

/** An operation made ready to run: planned once, its answer's shape compiled once. */
export interface CompiledOperation {
  plan: QueryPlan;
  selections: Selection[];
  /** The supergraph's name of the operation's root type (`Query`, `Mutation`). */
  rootType: string;
  /** A query (not a mutation): its entity fetches may be answered from the entity cache. */
  isQuery: boolean;
  defaults: Record<string, unknown>;
  variableDefinitions: readonly VariableDefinitionNode[];
}

/**
 * Plans and compiles operations over one supergraph. What the own executor
 * does not cover (introspection, @defer, subscriptions, plan nodes other than
 * Sequence/Parallel/Flatten/Fetch/Condition, context rewrites, anything that
 * fails to plan) compiles to null: the operation goes to @apollo/gateway's
 * executor, which answers it, or fails it, as it always did.
 */
export class OperationCompiler {
  readonly apiTypes: TypeInfo;
  readonly supergraphTypes: SupergraphTypes;
  private readonly apiSchema: Schema;
  private readonly planner: QueryPlanner;
  private readonly shapes: ShapeCompiler;

  constructor(
    supergraphSdl: string,
    readonly schema: GraphQLSchema,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    // The planner as @apollo/gateway configures it by default: its plans are the ones the two executors share.
    this.planner = new QueryPlanner(supergraph);
    this.supergraphTypes = new SupergraphTypes(supergraph.schema.toGraphQLJSSchema());
    this.apiTypes = new TypeInfo(schema);
    this.shapes = new ShapeCompiler(schema);
  }

  /** The compiled operation, or null (with the reason) when @apollo/gateway's executor should run it. */
  compile(
    document: DocumentNode,
    operationName: string | undefined,
  ): { compiled: CompiledOperation; reason: null } | { compiled: null; reason: string } {
    try {
      const { operation, fragments } = operationOf(document, operationName);
      if (operation.operation !== 'query' && operation.operation !== 'mutation')
        return { compiled: null, reason: operation.operation };
      const rootType = this.schema.getRootType(operation.operation)?.name;
      if (!rootType) return { compiled: null, reason: `no ${operation.operation} type` };
      const selections = this.shapes.compile(operation, fragments);
      const plan = this.planner.buildQueryPlan(operationFromDocument(this.apiSchema, document, { operationName }));
      const unsupported = plan.node && unsupportedNode(plan.node as PlanNode);
      if (unsupported) return { compiled: null, reason: unsupported };
      return {
        compiled: {
          plan,
          selections,
          rootType,
          isQuery: operation.operation === 'query',
          defaults: variableDefaults(operation),
          variableDefinitions: operation.variableDefinitions ?? [],
        },
        reason: null,
      };
    } catch (error) {
      return { compiled: null, reason: error instanceof Unsupported ? error.message : String(error) };
    }
  }
}

/** buildOperationContext's choice of operation; throws where it would. */
function operationOf(
  document: DocumentNode,
  operationName: string | undefined,
): { operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } {
  let operation: OperationDefinitionNode | undefined;
  let count = 0;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      count++;
      if (!operationName && count > 1) throw new Unsupported('several operations, no name');
      if (!operationName || definition.name?.value === operationName) operation = definition;
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  if (!operation) throw new Unsupported('no such operation');
  return { operation, fragments };
}

/** Why the own executor cannot run `node`, or null. */
function unsupportedNode(node: PlanNode): string | null {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) {
        const reason = unsupportedNode(child);
        if (reason) return reason;
      }
      return null;
    case 'Flatten':
      return unsupportedNode(node.node);
    case 'Condition':
      return (
        (node.ifClause && unsupportedNode(node.ifClause)) ||
        (node.elseClause && unsupportedNode(node.elseClause)) ||
        null
      );
    case 'Fetch':
      // @apollo/gateway 2.14 ignores context rewrites (@fromContext); so does this executor, by leaving them to it.
      return node.contextRewrites?.length ? 'context rewrites' : null;
    default:
      return `plan node ${node.kind}`;
  }
}
