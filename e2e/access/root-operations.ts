import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { apiSchemaOf, statedRules, type StatedRule } from '@supply-graph/platform';

/** One root field as a runnable operation: the least selection, dummy values for the required arguments. */
export interface RootOperation {
  coordinate: string;
  field: string;
  rule: StatedRule | null;
  document: string;
  variables: Record<string, unknown>;
}

/**
 * Every Query and Mutation field of the public API (the supergraph's API
 * schema), each with the rule the supergraph states for it, so a suite can
 * try each one with and without its scope. Required arguments get harmless
 * values (ids that exist nowhere, 1, the first enum value), so an allowed
 * call ends in NOT_FOUND or BAD_USER_INPUT rather than changing much.
 */
export function rootOperations(supergraphSdl: string): RootOperation[] {
  const api = apiSchemaOf(supergraphSdl);
  const rules = statedRules(supergraphSdl);
  const roots = [api.getQueryType(), api.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  return roots.flatMap((root) =>
    Object.values(root.getFields()).map((field) => {
      const variables: Record<string, unknown> = {};
      const declared: string[] = [];
      const passed: string[] = [];
      for (const arg of field.args) {
        if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
        variables[arg.name] = dummy(arg.type);
        declared.push(`$${arg.name}: ${String(arg.type)}`);
        passed.push(`${arg.name}: $${arg.name}`);
      }
      const named = getNamedType(field.type);
      const selection = isLeafType(named) ? '' : ' { __typename }';
      const keyword = root === api.getMutationType() ? 'mutation' : 'query';
      return {
        coordinate: `${root.name}.${field.name}`,
        field: field.name,
        rule: rules.get(`${root.name}.${field.name}`) ?? null,
        document: `${keyword}${list(declared)} { ${field.name}${list(passed)}${selection} }`,
        variables,
      };
    }),
  );
}

/** `(a, b)`, or nothing for no entries. */
const list = (entries: string[]) => (entries.length ? `(${entries.join(', ')})` : '');

function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = dummy(field.type);
    return value;
  }
  switch (type.name) {
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}
