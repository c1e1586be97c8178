import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type InputValueDefinitionNode, type TypeNode } from 'graphql';

/**
 * Every argument and input field clients can send documents its bound in the
 * composed supergraph (what GraphiQL shows): text a length, numbers a range,
 * lists a size. Booleans, enums and DateTime (whose scalar states its range)
 * need none; input objects are covered through their own fields.
 */
const supergraph = parse(readFileSync(join(__dirname, '../../../../supergraph.graphql'), 'utf8'));
const NEEDS_BOUND = new Set(['String', 'ID', 'Int', 'Float', 'JSON']);
const BOUND = /At most \d|-?\d+\.\.\d+/;

function named(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NON_NULL_TYPE) return named(type.type);
  if (type.kind === Kind.LIST_TYPE) return { name: named(type.type).name, list: true };
  return { name: type.name.value, list: false };
}

const inputObjects = new Set(
  supergraph.definitions
    .filter((d) => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)
    .map((d) => (d as { name: { value: string } }).name.value),
);

function unbounded(owner: string, values: readonly InputValueDefinitionNode[]): string[] {
  return values
    .filter((value) => {
      const { name, list } = named(value.type);
      return (NEEDS_BOUND.has(name) || (list && inputObjects.has(name))) && !BOUND.test(value.description?.value ?? '');
    })
    .map((value) => `${owner}(${value.name.value})`);
}

it('every String, ID, Int, Float, JSON and list argument or input field states its bound', () => {
  const missing: string[] = [];
  for (const definition of supergraph.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
      for (const field of definition.fields ?? [])
        missing.push(...unbounded(`${definition.name.value}.${field.name.value}`, field.arguments ?? []));
    }
    if (
      definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION &&
      !definition.name.value.startsWith('join__') &&
      !definition.name.value.startsWith('link__')
    ) {
      missing.push(...unbounded(definition.name.value, definition.fields ?? []));
    }
  }
  expect(missing).toEqual([]);
});
