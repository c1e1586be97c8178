import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The operation as the final answer is shaped from the fetched data, compiled
 * once per operation: @apollo/gateway walks federation-internals' Operation
 * (getters, directive lookups, type lookups) for every field of every
 * request; here each selection is a plain record with its response name, its
 * @skip/@include, its declared type and what to check. The rules applied at
 * run time (response-shaping.ts) are computeResponse's, to the error message.
 */

/** `@skip`/`@include` argument: a literal or a variable's name. */
export type Flag = boolean | { variable: string };

export interface Condition {
  skip: Flag | undefined;
  include: Flag | undefined;
}

/** A field's declared type, wrappers first; `text` is how Apollo prints it in error messages. */
export type ShapeType =
  | { kind: 'nonNull'; of: ShapeType; ofText: string; selects: boolean }
  | { kind: 'list'; of: ShapeType; text: string; selects: boolean }
  | { kind: 'composite'; name: string; selections: Selection[]; selects: true }
  | { kind: 'leaf'; text: string; valid: (value: unknown) => boolean; selects: false };

export type Selection =
  | {
      kind: 'field';
      name: string;
      /** The name is also a property of Object.prototype: read it as an own property only. */
      guarded: boolean;
      typename: boolean;
      condition: Condition | null;
      type: ShapeType | null;
      /** A leaf (possibly non-null, not a list): its check, for the common case of a valid value seen once. */
      leaf: ((value: unknown) => boolean) | null;
      nullable: boolean;
    }
  | { kind: 'fragment'; condition: Condition | null; typeCondition: string | null; selections: Selection[] };

/** Why an operation is left to @apollo/gateway's executor; null when the shape covers it. */
export class Unsupported extends Error {}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** federation-internals' isValidLeafValue for one leaf type, decided once. */
function leafCheck(type: GraphQLOutputType): (value: unknown) => boolean {
  const named = getNamedType(type);
  const name = named.name;
  if (isEnumType(named)) {
    const values = new Set(named.getValues().map((v) => v.name));
    return (v) => typeof v === 'string' && values.has(v);
  }
  const builtIn = name === 'Int' || name === 'Float' || name === 'String' || name === 'Boolean' || name === 'ID';
  if (!builtIn) return () => true;
  return (v) => {
    if (typeof v === 'boolean') return name === 'Boolean';
    if (typeof v === 'number' && Number.isFinite(v))
      return name === 'Int' || name === 'ID' ? INTEGER.test(String(v)) : name === 'Float';
    if (typeof v === 'string') return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
    return false;
  };
}

function flagOf(directive: DirectiveNode): Flag | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === 'if');
  if (!arg) return undefined;
  return arg.value.kind === Kind.VARIABLE
    ? { variable: arg.value.name.value }
    : arg.value.kind === Kind.BOOLEAN && arg.value.value;
}

function conditionOf(directives: readonly DirectiveNode[] | undefined): Condition | null {
  if (!directives?.length) return null;
  const names = directives.map((d) => d.name.value);
  if (names.includes('defer') || names.includes('stream')) throw new Unsupported('@defer/@stream');
  const skip = directives.find((d) => d.name.value === 'skip');
  const include = directives.find((d) => d.name.value === 'include');
  if (!skip && !include) return null;
  return { skip: skip && flagOf(skip), include: include && flagOf(include) };
}

/** Compiles operations of one API schema. */
export class ShapeCompiler {
  constructor(private readonly schema: GraphQLSchema) {}

  /** The root selections of `operation`; throws Unsupported for what only @apollo/gateway handles. */
  compile(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): Selection[] {
    const root = this.schema.getRootType(operation.operation);
    if (!root) throw new Unsupported(`no ${operation.operation} type`);
    return this.selections(operation.selectionSet, root, fragments);
  }

  private selections(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    fragments: Record<string, FragmentDefinitionNode>,
  ): Selection[] {
    const out: Selection[] = [];
    for (const node of set.selections) {
      const condition = conditionOf(node.directives);
      if (node.kind === Kind.FIELD) {
        const fieldName = node.name.value;
        const name = node.alias?.value ?? fieldName;
        if (fieldName === '__schema' || fieldName === '__type') throw new Unsupported('introspection');
        // An own property named __proto__ cannot be written to a plain object.
        if (name === '__proto__') throw new Unsupported('__proto__ alias');
        const guarded = name in Object.prototype;
        if (fieldName === '__typename') {
          out.push({
            kind: 'field',
            name,
            guarded,
            typename: true,
            condition,
            type: null,
            leaf: null,
            nullable: false,
          });
          continue;
        }
        if (isObjectType(parent) || isInterfaceType(parent)) {
          const definition = parent.getFields()[fieldName];
          if (!definition) throw new Unsupported(`unknown field ${parent.name}.${fieldName}`);
          const type = this.typeOf(definition.type, node.selectionSet, fragments);
          const bare = type.kind === 'nonNull' ? type.of : type;
          const leaf = bare.kind === 'leaf' ? bare.valid : null;
          out.push({ kind: 'field', name, guarded, typename: false, condition, type, leaf, nullable: type === bare });
        } else {
          throw new Unsupported(`field ${fieldName} on union ${parent.name}`);
        }
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        const typeCondition = node.typeCondition?.name.value ?? null;
        const type = typeCondition ? this.schema.getType(typeCondition) : parent;
        if (!type || !isCompositeType(type)) throw new Unsupported(`type condition ${typeCondition}`);
        out.push({
          kind: 'fragment',
          condition,
          typeCondition,
          selections: this.selections(node.selectionSet, type, fragments),
        });
      } else {
        const fragment = fragments[node.name.value];
        if (!fragment) throw new Unsupported(`unknown fragment ${node.name.value}`);
        const typeCondition = fragment.typeCondition.name.value;
        const type = this.schema.getType(typeCondition);
        if (!type || !isCompositeType(type)) throw new Unsupported(`type condition ${typeCondition}`);
        out.push({
          kind: 'fragment',
          condition,
          typeCondition,
          selections: this.selections(fragment.selectionSet, type, fragments),
        });
      }
    }
    return out;
  }

  private typeOf(
    type: GraphQLOutputType,
    set: SelectionSetNode | undefined,
    fragments: Record<string, FragmentDefinitionNode>,
  ): ShapeType {
    const selects = set !== undefined;
    if (isNonNullType(type))
      return { kind: 'nonNull', of: this.typeOf(type.ofType, set, fragments), ofText: String(type.ofType), selects };
    if (isListType(type))
      return { kind: 'list', of: this.typeOf(type.ofType, set, fragments), text: String(type), selects };
    if (isCompositeType(type)) {
      if (!set) throw new Unsupported(`no selection on ${type.name}`);
      return { kind: 'composite', name: type.name, selections: this.selections(set, type, fragments), selects: true };
    }
    if (selects) throw new Unsupported(`selection on leaf ${String(type)}`);
    return { kind: 'leaf', text: String(type), valid: leafCheck(type), selects: false };
  }
}

/** Default values of the operation's variables, as computeResponse layers the given values over them. */
export function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return defaults;
}

/** What the runtime needs to know about the API schema's types by name, with memoised subtype answers. */
export class TypeInfo {
  private readonly applies = new Map<string, boolean>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** True for an object type of the API schema. */
  isObject(name: string): boolean {
    return isObjectType(this.schema.getType(name));
  }

  isComposite(name: string): boolean {
    return isCompositeType(this.schema.getType(name));
  }

  /** federation-internals' isSubtype(condition, type) for two named types. */
  isSubtype(condition: string, typeName: string): boolean {
    if (condition === typeName) return true;
    const key = `${condition}\n${typeName}`;
    let known = this.applies.get(key);
    if (known === undefined) {
      const abstract = this.schema.getType(condition);
      const type = this.schema.getType(typeName);
      known =
        !!type &&
        !!abstract &&
        isAbstractType(abstract) &&
        (isObjectType(type) || isInterfaceType(type)) &&
        this.schema.isSubType(abstract, type);
      this.applies.set(key, known);
    }
    return known;
  }

  has(name: string): boolean {
    return this.schema.getType(name) !== undefined;
  }
}
