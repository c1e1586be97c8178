/** A subgraph's raw answer: shared between callers as text, so each parses its own copy. */
export interface RawAnswer {
  statusCode: number;
  text: string;
  /** The subgraph said `Cache-Control: no-store` (it showed real PII): no cache may keep the answer. */
  noStore: boolean;
}

/**
 * Identical query fetches to one subgraph, in flight at the same time, share
 * one call. The key is the caller's access (the internal token: the same
 * string for the same kind, sub, scopes and channels, for 30 s), the document
 * and its variables, never the request id: a fetch is shared only between
 * requests that would get the same answer, and a caller never receives what
 * another caller's access produced (masked or unmasked PII included).
 * Mutations are never shared. The answer is shared as text: @apollo/gateway
 * merges later fetches into the objects of earlier ones, so two requests must
 * never hold the same parsed objects.
 */
export class InFlightFetches {
  private readonly pending = new Map<string, Promise<RawAnswer>>();

  /**
   * `send`'s answer, or the answer of an identical call already on its way. `body` is the request body as sent
   * (document, variables, operation name): serialised once, it is both the call and the key.
   */
  share(access: string, query: string, body: string, send: () => Promise<RawAnswer>): Promise<RawAnswer> {
    if (!isQuery(query)) return send();
    const key = `${access}\n${body}`;
    const running = this.pending.get(key);
    if (running !== undefined) return running;
    const call = send().finally(() => this.pending.delete(key));
    this.pending.set(key, call);
    return call;
  }

  /** Calls on their way (for tests). */
  get size(): number {
    return this.pending.size;
  }
}

/** A query operation (the planner writes `query ...` or a bare selection set); not a mutation. */
function isQuery(query: string): boolean {
  const start = query.trimStart();
  return start.startsWith('{') || /^query\b/.test(start);
}
