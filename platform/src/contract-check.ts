import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * Checks that a supergraph still offers the public contract (`contract/core.graphql`
 * and `contract/access.graphql`, read as one document: {@link readContract})
 * to clients: every contract type, field, argument, input field, enum value and
 * union member must exist in the supergraph's API schema (what the gateway
 * exposes, without join__/link__ machinery or @inaccessible elements) with the
 * same name and a compatible type.
 *
 * Compatibility: an output field may be stricter in the supergraph (nullable in
 * the contract, non-null in the supergraph, at any list depth); arguments and
 * input fields must have exactly the contract's type, and a contract default
 * must be kept; the supergraph may add types, fields, enum values, union
 * members and optional arguments or input fields, but nothing a client would
 * be required to send.
 *
 * Returns one human-readable problem per incompatibility, e.g.
 * `Order.riskFlags: missing` or `Query.orders(first:): missing argument`;
 * an empty list means the supergraph satisfies the contract.
 */
/** What the gateway exposes: the supergraph without join__/link__ machinery and @inaccessible elements. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  // The access rules' specs are linked for: SECURITY; reading the API needs no enforcement, so accept them.
  return Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES })
    .apiSchema()
    .toGraphQLJSSchema();
}

/** The contract as one SDL: core.graphql, then access.graphql (which extends it). */
export function readContract(repoRoot: string): string {
  return ['core.graphql', 'access.graphql']
    .map((file) => readFileSync(path.join(repoRoot, 'contract', file), 'utf8'))
    .join('\n');
}

export function checkContract(contractSdl: string, supergraphSdl: string): string[] {
  const contract = buildSchema(contractSdl);
  const api = apiSchemaOf(supergraphSdl);
  const problems: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const actual = api.getType(type.name);
    if (!actual) problems.push(`${type.name}: missing ${kindOf(type)}`);
    else if (kindOf(actual) !== kindOf(type)) {
      problems.push(`${type.name}: ${kindOf(type)} in the contract, ${kindOf(actual)} in the supergraph`);
    } else problems.push(...compareTypes(type, actual));
  }
  problems.push(...compareRoots(contract, api));
  return problems;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input object';
  if (isScalarType(type)) return 'scalar';
  return 'type';
}

/** Both types have the same kind and name. */
function compareTypes(expected: GraphQLNamedType, actual: GraphQLNamedType): string[] {
  const problems: string[] = [];
  const name = expected.name;
  if ((isObjectType(expected) || isInterfaceType(expected)) && (isObjectType(actual) || isInterfaceType(actual))) {
    const implemented = new Set(actual.getInterfaces().map((i) => i.name));
    for (const iface of expected.getInterfaces()) {
      if (!implemented.has(iface.name)) problems.push(`${name}: does not implement ${iface.name}`);
    }
    const fields = actual.getFields();
    for (const field of Object.values(expected.getFields())) {
      const other = fields[field.name];
      if (!other) problems.push(`${name}.${field.name}: missing`);
      else problems.push(...compareFields(`${name}.${field.name}`, field, other));
    }
  } else if (isUnionType(expected) && isUnionType(actual)) {
    const members = new Set(actual.getTypes().map((t) => t.name));
    for (const member of expected.getTypes()) {
      if (!members.has(member.name)) problems.push(`${name}: missing union member ${member.name}`);
    }
  } else if (isEnumType(expected) && isEnumType(actual)) {
    const values = new Set(actual.getValues().map((v) => v.name));
    for (const value of expected.getValues()) {
      if (!values.has(value.name)) problems.push(`${name}.${value.name}: missing enum value`);
    }
  } else if (isInputObjectType(expected) && isInputObjectType(actual)) {
    const fields = actual.getFields();
    for (const field of Object.values(expected.getFields())) {
      const other = fields[field.name];
      if (!other) problems.push(`${name}.${field.name}: missing input field`);
      else problems.push(...compareInputs(`${name}.${field.name}`, field, other));
    }
    for (const field of Object.values(fields)) {
      if (!expected.getFields()[field.name] && isRequiredInputField(field)) {
        problems.push(`${name}.${field.name}: required input field not in the contract`);
      }
    }
  }
  return problems;
}

function compareFields(
  where: string,
  expected: GraphQLField<unknown, unknown>,
  actual: GraphQLField<unknown, unknown>,
): string[] {
  const problems: string[] = [];
  if (!isCompatibleOutput(expected.type, actual.type)) problems.push(typeProblem(where, expected.type, actual.type));
  for (const arg of expected.args) {
    const other = actual.args.find((a) => a.name === arg.name);
    if (!other) problems.push(`${where}(${arg.name}:): missing argument`);
    else problems.push(...compareInputs(`${where}(${arg.name}:)`, arg, other));
  }
  for (const arg of actual.args) {
    if (!expected.args.some((a) => a.name === arg.name) && isRequiredArgument(arg)) {
      problems.push(`${where}(${arg.name}:): required argument not in the contract`);
    }
  }
  return problems;
}

/** Arguments and input fields: clients send these, so the type must be the same. */
function compareInputs(
  where: string,
  expected: GraphQLArgument | GraphQLInputField,
  actual: GraphQLArgument | GraphQLInputField,
): string[] {
  if (String(expected.type) !== String(actual.type)) return [typeProblem(where, expected.type, actual.type)];
  const want = defaultOf(expected);
  const got = defaultOf(actual);
  if (want !== undefined && want !== got) {
    return [`${where}: default ${want} in the contract, ${got ?? 'none'} in the supergraph`];
  }
  return [];
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): string | undefined {
  if (input.defaultValue === undefined) return undefined;
  const ast = astFromValue(input.defaultValue, input.type as GraphQLInputType);
  return ast ? print(ast) : JSON.stringify(input.defaultValue);
}

/** The supergraph's output type is the contract's, or stricter in nullability. */
function isCompatibleOutput(expected: GraphQLType, actual: GraphQLType): boolean {
  if (isNonNullType(actual)) {
    return isCompatibleOutput(isNonNullType(expected) ? expected.ofType : expected, actual.ofType);
  }
  if (isNonNullType(expected)) return false;
  if (isListType(expected) || isListType(actual)) {
    return isListType(expected) && isListType(actual) && isCompatibleOutput(expected.ofType, actual.ofType);
  }
  return expected.name === actual.name;
}

function typeProblem(where: string, expected: GraphQLType, actual: GraphQLType): string {
  return `${where}: type ${String(expected)} in the contract, ${String(actual)} in the supergraph`;
}

/** A contract root type must be the supergraph's root for the same operation, not just a type of that name. */
function compareRoots(contract: GraphQLSchema, api: GraphQLSchema): string[] {
  const roots = [
    ['query', contract.getQueryType(), api.getQueryType()],
    ['mutation', contract.getMutationType(), api.getMutationType()],
    ['subscription', contract.getSubscriptionType(), api.getSubscriptionType()],
  ] as const;
  const problems: string[] = [];
  for (const [operation, expected, actual] of roots) {
    // A missing type is already reported once, as a missing object type.
    if (expected && api.getType(expected.name) && actual?.name !== expected.name) {
      problems.push(`${expected.name}: not the ${operation} root type in the supergraph`);
    }
  }
  return problems;
}
