import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import type { Logger } from '@supply-graph/shared';

/** One status event as the gateway resolves it (what `_orderStatusEvent` takes). */
export interface StatusEventInput {
  eventId: string;
  orderId: string;
  from: string | null;
  to: string;
  at: string;
}

/**
 * The subscription root fields the gateway serves, each with the internal
 * query of its subgraph that resolves one event and that query's input type.
 */
export const EVENT_FIELDS: Readonly<Record<string, { query: string; input: string }>> = {
  orderStatusChanged: { query: '_orderStatusEvent', input: 'OrderStatusEventInput' },
  workItemChanged: { query: '_workItemEvent', input: 'WorkItemEventInput' },
};

/** A subscription document made ready to resolve events: planned once, run per event. */
export interface CompiledSubscription {
  /** The root field's filter arguments, by name, as written (literal or variable). */
  argumentsOf(variables: Record<string, unknown>): Record<string, unknown>;
  /**
   * The selection without the root field's arguments, with the values of the
   * variables it uses: subscribers with the same key share each resolution.
   */
  keyFor(variables: Record<string, unknown>): string;
  /** `event` is the root field's event input (`StatusEventInput` for orderStatusChanged). */
  resolve(event: object, variables: Record<string, unknown>, context: object): Promise<ExecutionResult>;
}

const EVENT_VARIABLE = '__supplyGraphEvent';

/**
 * Resolves subscription events through the supergraph's query plan.
 * @apollo/gateway plans a subscription as a `primary` fetch (the subscribed
 * field, from the subgraph that declares it) and the `rest` of the plan
 * (every other subgraph's fields, joined through entity keys), but refuses to
 * execute it. Here the primary fetch becomes a query of the orders subgraph's
 * internal `_orderStatusEvent(event)` (`_workItemEvent` for workItemChanged,
 * see EVENT_FIELDS) with the same selection, aliased to the subscribed field,
 * and `executeQueryPlan` runs primary then rest as an ordinary plan: any field
 * of any subgraph can be selected.
 */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly compiled = new Map<string, CompiledSubscription>();

  constructor(
    supergraphSdl: string,
    readonly schema: GraphQLSchema,
    private readonly serviceMap: ServiceMap,
    private readonly logger: Logger,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans a validated subscription document (cached by its text and operation name). */
  compile(document: DocumentNode, operationName: string | undefined): CompiledSubscription {
    // The source text when the document was parsed from one (every transport does): printing costs more than the plan
    // lookup.
    const cacheKey = `${operationName ?? ''}\n${document.loc?.source.body ?? print(document)}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName });
    const plan = this.planner.buildQueryPlan(operation);
    if (plan.node?.kind !== 'Subscription') throw new Error('not a subscription plan');
    const { primary, rest } = plan.node;
    const operationContext = buildOperationContext({ schema: this.schema, operationDocument: document, operationName });
    const rootField = rootFieldOf(operationContext.operation);
    const eventQuery = primaryAsEventQuery(primary);
    const runnable: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? ({ kind: 'Sequence', nodes: [primary, rest] } as PlanNode) : primary,
    };
    const selection = selectionOf(operationContext.operation, document);
    const used = [...new Set(variablesIn(selection))].sort();
    const printedSelection = print(selection);
    const compiled: CompiledSubscription = {
      keyFor: (variables) => `${printedSelection}\n${JSON.stringify(used.map((name) => variables[name] ?? null))}`,
      argumentsOf: (variables) => argumentValues(rootField, variables),
      resolve: async (event, variables, context) => {
        const serviceMap: ServiceMap = {
          ...this.serviceMap,
          // The primary fetch is answered by the field's event query for this event; everything else as usual.
          [primary.serviceName]: {
            process: (options) =>
              options.request.query === primary.operation
                ? this.serviceMap[primary.serviceName].process({
                    ...options,
                    request: { ...options.request, query: eventQuery, variables: { [EVENT_VARIABLE]: event } },
                  })
                : this.serviceMap[primary.serviceName].process(options),
          },
        };
        const requestContext = {
          request: { variables },
          context,
          logger: this.logger,
          metrics: {},
        } as unknown as GatewayGraphQLRequestContext;
        return executeQueryPlan(
          runnable,
          serviceMap,
          requestContext,
          operationContext,
          this.supergraphSchema,
          this.apiSchema,
          undefined,
        );
      },
    };
    this.compiled.set(cacheKey, compiled);
    return compiled;
  }
}

function rootFieldOf(operation: OperationDefinitionNode): FieldNode {
  const [field] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD || operation.selectionSet.selections.length !== 1) {
    throw new Error('a subscription selects exactly one root field');
  }
  return field;
}

/**
 * `subscription { orderStatusChanged(filters) { sel } }` -> `query($e) { orderStatusChanged: _orderStatusEvent(event:
 * $e) { sel } }`.
 */
function primaryAsEventQuery(primary: FetchNode): string {
  const document = parse(primary.operation);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const field = rootFieldOf(operation);
  const target = EVENT_FIELDS[field.name.value];
  if (!target) throw new Error(`the gateway serves no subscription ${field.name.value}`);
  const eventVariable: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_VARIABLE } },
    type: {
      kind: Kind.NON_NULL_TYPE,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: target.input } },
    },
  };
  const rewritten: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions: [eventVariable],
    selectionSet: {
      ...operation.selectionSet,
      selections: [
        {
          ...field,
          alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
          name: { kind: Kind.NAME, value: target.query },
          arguments: [
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: 'event' },
              value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_VARIABLE } },
            },
          ],
        },
      ],
    },
  };
  return print({ ...document, definitions: document.definitions.map((d) => (d === operation ? rewritten : d)) });
}

/** The document with the root field's arguments removed: what decides the shape of a resolved event. */
function selectionOf(operation: OperationDefinitionNode, document: DocumentNode): DocumentNode {
  const field = rootFieldOf(operation);
  const stripped: OperationDefinitionNode = {
    ...operation,
    name: undefined,
    variableDefinitions: [],
    selectionSet: { ...operation.selectionSet, selections: [{ ...field, arguments: [] }] },
  };
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [stripped, ...fragments] };
}

function variablesIn(document: DocumentNode): string[] {
  const names: string[] = [];
  visit(document, { Variable: (node) => void names.push(node.name.value) });
  return names;
}

function argumentValues(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.arguments ?? []) {
    const v = arg.value;
    if (v.kind === Kind.VARIABLE) values[arg.name.value] = variables[v.name.value] ?? null;
    else if (v.kind === Kind.STRING || v.kind === Kind.ENUM) values[arg.name.value] = v.value;
    else if (v.kind === Kind.NULL) values[arg.name.value] = null;
    else values[arg.name.value] = print(v);
  }
  return values;
}
