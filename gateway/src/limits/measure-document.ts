import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type Token,
} from 'graphql';

/** The shape of one operation, fragments expanded where they are spread. */
export interface OperationShape {
  depth: number;
  aliases: number;
  rootFields: number;
}

interface SetShape {
  depth: number;
  aliases: number;
  fields: number;
}

const EMPTY: SetShape = { depth: 0, aliases: 0, fields: 0 };

/**
 * Measures an operation in one pass over the document. It runs before GraphQL
 * validation, so it takes any parsed document: an unknown or cyclic fragment
 * counts as empty (validation refuses it afterwards). Each fragment is
 * measured once and its counts reused at every spread, so a document whose
 * fragments spread each other many times over is measured in linear time even
 * though its aliases add up to a huge number, as they would when executed.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SetShape>();
  const open = new Set<string>();

  const fragment = (name: string): SetShape => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || open.has(name)) return EMPTY;
    open.add(name);
    const shape = selectionSet(definition.selectionSet);
    open.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const selectionSet = (set: SelectionSetNode): SetShape => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of set.selections) {
      let inner: SetShape;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? selectionSet(selection.selectionSet) : EMPTY;
        inner = { depth: below.depth + 1, aliases: below.aliases + (selection.alias ? 1 : 0), fields: 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionSet(selection.selectionSet);
      } else {
        inner = fragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      fields += inner.fields;
    }
    return { depth, aliases, fields };
  };

  const root = selectionSet(operation.selectionSet);
  return { depth: root.depth, aliases: root.aliases, rootFields: root.fields };
}

/**
 * Tokens of a parsed document as graphql-js's `maxTokens` counts them (no
 * comments, no start or end of file), read from the token list the parser
 * keeps; null for a document parsed without locations.
 */
export function documentTokens(document: DocumentNode): number | null {
  const start = document.loc?.startToken;
  if (!start) return null;
  let count = 0;
  for (let token: Token | null = start; token; token = token.next) {
    if (token.kind !== TokenKind.SOF && token.kind !== TokenKind.EOF && token.kind !== TokenKind.COMMENT) count += 1;
  }
  return count;
}

/**
 * Tokens of a document's text, counted by the lexer alone (no syntax tree is
 * built) and only up to `stopAfter` + 1, so an overlong text costs little: a
 * result past `stopAfter` means counting stopped there. A text the lexer
 * cannot read further counts as far as it could be read.
 */
export function sourceTokens(text: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // Not lexable past here: the parser reports the syntax error.
  }
  return count;
}
