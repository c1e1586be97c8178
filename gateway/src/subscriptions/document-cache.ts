import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

interface Checked {
  /** The text, one copy for every subscriber that sent it. */
  text: string;
  document: DocumentNode;
  /** Validation errors against the schema (empty: valid). */
  errors: readonly GraphQLError[];
}

/**
 * Parsed and validated operations by their text, for graphql-ws. Thousands
 * of clients send the same few documents; left to itself graphql-ws parses
 * and validates each subscribe again, and every subscriber keeps its own
 * syntax tree (several KiB) for as long as it is subscribed. Validation
 * depends on the schema and the document only, so its verdict is shared too.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Checked>();

  constructor(
    private readonly schema: GraphQLSchema,
    /** Past this many distinct texts the cache starts over: any client can send new ones. */
    private readonly maxEntries = 1000,
  ) {}

  get(query: string): Checked | undefined {
    return this.entries.get(query);
  }

  /** Parses and validates `query`; a syntax error throws, as graphql-ws's own parse does. */
  add(query: string): Checked {
    const document = parse(query);
    const checked = { text: query, document, errors: validate(this.schema, document) };
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(query, checked);
    return checked;
  }
}
