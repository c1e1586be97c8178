import {
  defaultFieldResolver,
  isObjectType,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { AppError } from '../errors/app-error';
import { grants, type Principal } from './principal';

/** What the schema says about one field: any verified caller, or these scope sets (any of, each all of). */
export type AccessRule = { kind: 'authenticated' } | { kind: 'scopes'; anyOf: string[][] };

/** The rule a field's `@authenticated` / `@requiresScopes` (or its type's) states; null when none. */
export function accessRuleOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AccessRule | null {
  return ruleFrom(field.astNode?.directives) ?? ruleFrom(type.astNode?.directives);
}

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') return { kind: 'authenticated' };
    if (directive.name.value === 'requiresScopes') {
      const arg = directive.arguments?.find((a) => a.name.value === 'scopes');
      return { kind: 'scopes', anyOf: (arg ? valueFromASTUntyped(arg.value) : []) as string[][] };
    }
  }
  return null;
}

const FEDERATION_ROOT_FIELDS = new Set(['_service', '_entities']);

/**
 * Makes the subgraph's resolvers obey the rules its schema states, so the
 * supergraph's documentation and the behaviour cannot drift apart:
 * - a field with `@requiresScopes` answers only a principal holding one of the
 *   scope sets; otherwise it resolves to an error FORBIDDEN (null at its path,
 *   the rest of the answer still comes);
 * - a root field without a rule is refused (default deny); Federation's
 *   `_entities` and `_service` need a verified caller, which every request
 *   reaching a sealed subgraph has.
 * The principal is `context.principal`, set from the internal token.
 */
export function enforceAccess(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = accessRuleOf(type, field) ?? (roots.has(type) ? rootDefault(field.name) : null);
      if (rule) guard(`${type.name}.${field.name}`, field, rule);
    }
  }
  return schema;
}

const DENY: AccessRule = { kind: 'scopes', anyOf: [] };

function rootDefault(name: string): AccessRule {
  return FEDERATION_ROOT_FIELDS.has(name) ? { kind: 'authenticated' } : DENY;
}

function guard(coordinate: string, field: GraphQLField<unknown, unknown>, rule: AccessRule): void {
  if (rule.kind === 'authenticated') return; // a sealed subgraph has no unverified callers
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    assertGranted((context as { principal?: Principal }).principal, rule.anyOf, coordinate);
    return resolve(source, args, context, info);
  };
}

/** FORBIDDEN naming the field and the scopes that would open it. */
export function assertGranted(
  principal: Principal | undefined,
  anyOf: readonly (readonly string[])[],
  what: string,
): void {
  if (!principal) throw new AppError('UNAUTHENTICATED', `${what} needs a verified caller`);
  if (grants(principal, anyOf)) return;
  const needed = anyOf.length ? anyOf.map((set) => set.join(' and ')).join(' or ') : 'a rule it does not have';
  throw new AppError('FORBIDDEN', `${what} needs ${needed}`, { requiredScopes: anyOf });
}
