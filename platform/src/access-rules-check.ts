import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';

/** A field's access rule as the supergraph states it: "authenticated", or the scope sets (any of, each all of). */
export type StatedRule = 'authenticated' | string[][];

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** Every field of every object type in the supergraph, by coordinate, with the rule it states (null: none). */
export function statedRules(supergraphSdl: string): Map<string, StatedRule | null> {
  const rules = new Map<string, StatedRule | null>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeRule = ruleOf(definition.directives);
    for (const field of definition.fields ?? [])
      rules.set(`${definition.name.value}.${field.name.value}`, ruleOf(field.directives) ?? typeRule);
  }
  return rules;
}

/**
 * The root fields (Query, Mutation, Subscription) that state no rule: each
 * one would be refused by every subgraph (default deny), so a field without
 * a rule is a bug the schema test reports by name.
 */
export function rootFieldsWithoutRule(supergraphSdl: string): string[] {
  return [...statedRules(supergraphSdl)]
    .filter(([coordinate, rule]) => ROOTS.has(coordinate.split('.')[0]) && rule === null)
    .map(([c]) => c);
}

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): StatedRule | null {
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') return 'authenticated';
    if (directive.name.value === 'requiresScopes') {
      const scopes = directive.arguments?.find((a) => a.name.value === 'scopes');
      return scopes ? (valueFromASTUntyped(scopes.value) as string[][]) : [];
    }
  }
  return null;
}
