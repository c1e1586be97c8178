import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
  valueFromAST,
  visit,
} from 'graphql';

/** Rows a connection is taken to return when neither the operation nor the schema gives `first`. */
export const CONNECTION_PAGE_SIZE = 20;
/**
 * Items a plain list is taken to hold when it has no `first` (an order's
 * lines, allocations and shipments, a shipment's events): most hold a few;
 * ten stays on the safe side without making every nested list prohibitive.
 */
export const LIST_SIZE = 10;

type Variables = Record<string, unknown>;

/** A Relay-style connection: its `first` sizes its `edges`, which then count once each. */
const isConnection = (type: GraphQLCompositeType | GraphQLOutputType): boolean =>
  isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();

function fieldOf(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** How many times a field's subtree is resolved per parent: at least once (`first: 0` still plans and fetches it). */
function sizeOf(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
): number {
  const type = getNullableType(field.type);
  if (isConnection(parent) || (!isConnection(type) && !isListType(type))) return 1;
  const first = firstOf(field, node, variables);
  if (typeof first === 'number') return Math.max(1, first);
  return isConnection(type) ? CONNECTION_PAGE_SIZE : LIST_SIZE;
}

/**
 * The field's `first` as the operation gives it (variables applied) or the
 * schema's default. Only `first` is read, so the cost depends on no other
 * argument (see costVariables); an invalid `first` throws.
 */
function firstOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): unknown {
  const definition = field.args.find((a) => a.name === 'first');
  if (!definition) return undefined;
  const given = node.arguments?.find((a) => a.name.value === 'first');
  if (!given || (given.value.kind === Kind.VARIABLE && !(given.value.name.value in variables)))
    return definition.defaultValue;
  const value = valueFromAST(given.value, definition.type, variables);
  if (value === undefined) throw new TypeError('invalid first');
  return value;
}

const skipped = (selection: SelectionNode, variables: Variables): boolean =>
  getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true ||
  getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false;

/**
 * The estimated cost of one operation of a document: each field costs 1, and
 * a list field or connection multiplies the cost of its subtree by its size,
 * `first` as the operation gives it (variables applied) or the schema's
 * default for it, else CONNECTION_PAGE_SIZE / LIST_SIZE; the `edges` of a
 * connection count once. `@skip`/`@include` apply; fragments count at every
 * spread, each priced once (so fragments spread into each other many times
 * over cost a linear walk); a fragment on an abstract type counts in full.
 *
 * Null when the cost cannot be estimated because the variables do not fit the
 * operation or an argument is invalid: GraphQL validation or variable
 * coercion refuses such a request before any subgraph is called. Unknown
 * fields, types and fragments count nothing, for the same reason.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): number | null {
  const root = schema.getRootType(operation.operation);
  // Only the variables the cost reads are coerced: the estimate is the same for every request that agrees on them.
  const used = new Set(costVariables(document, operation));
  const definitions = (operation.variableDefinitions ?? []).filter((d: VariableDefinitionNode) =>
    used.has(d.variable.name.value),
  );
  const coerced = getVariableValues(schema, definitions, variables);
  if (!root || coerced.errors) return null;
  const values = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const priced = new Map<string, number>();
  const open = new Set<string>();

  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType | undefined => {
    const type = name === undefined ? fallback : schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };
  const fragment = (name: string): number => {
    const known = priced.get(name);
    if (known !== undefined) return known;
    const definition = fragments.get(name);
    const type = definition && typeNamed(definition.typeCondition.name.value, root);
    if (!definition || !type || open.has(name)) return 0;
    open.add(name);
    const cost = selectionSet(definition.selectionSet, type);
    open.delete(name);
    priced.set(name, cost);
    return cost;
  };
  const field = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const definition = fieldOf(schema, parent, node.name.value);
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    const below = node.selectionSet && isCompositeType(type) ? selectionSet(node.selectionSet, type) : 0;
    return 1 + sizeOf(parent, definition, node, values) * below;
  };
  const selectionSet = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (skipped(selection, values)) continue;
      if (selection.kind === Kind.FIELD) cost += field(selection, parent);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) cost += fragment(selection.name.value);
      else {
        const type = typeNamed(selection.typeCondition?.name.value, parent);
        if (type) cost += selectionSet(selection.selectionSet, type);
      }
    }
    return cost;
  };

  try {
    return Math.min(selectionSet(operation.selectionSet, root), Number.MAX_SAFE_INTEGER);
  } catch {
    // An invalid `first`, or getDirectiveValues refused an argument.
    return null;
  }
}

/**
 * The names of the variables an operation's cost depends on: those given to a
 * `first` argument or to an `@skip`/`@include` condition, in the operation or
 * in any fragment of the document (whether spread or not, which only makes
 * the set larger). Two requests that agree on these get the same estimate.
 */
export function costVariables(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const names = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      Argument(argument, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1];
        const inDirective = owner && 'kind' in owner && owner.kind === Kind.DIRECTIVE;
        const counts = inDirective
          ? ['skip', 'include'].includes((owner as { name: { value: string } }).name.value)
          : argument.name.value === 'first';
        if (!counts) return false;
        visit(argument.value, { Variable: (v) => void names.add(v.name.value) });
        return false;
      },
    });
  collect(operation);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) collect(definition);
  return [...names];
}
