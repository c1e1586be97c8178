/**
 * One unmasked read of a PII field: the object it belongs to and the field's
 * schema coordinate (`Customer.email`, `Address.phone`).
 */
export interface PiiRead {
  /**
   * The audited object's type: the owner of the field (`Customer`), or the object an embedded value belongs to
   * (`Order` for its shipping address).
   */
  type: string;
  /** Null only when the object carries no id the subgraph knows of; the read is recorded all the same. */
  id: string | null;
  field: string;
}

/** A PII read per audited object, as the audit trail records it: one event per object, not per field. */
export interface PiiReadTarget {
  type: string;
  id: string | null;
  fields: string[];
}

/** The request context as far as PII reads are concerned; every subgraph context is one. */
export interface PiiReadLog {
  piiReads?: PiiRead[];
}

const seen = new WeakMap<object, Set<string>>();

/**
 * Notes that the caller was shown a real PII value. The reads are kept on the
 * request's context (`ctx.piiReads`, each field of each object once, however
 * often it was selected); whoever finishes the request writes them to the
 * audit trail (`piiReadTargets`: one event per object).
 */
export function recordPiiRead(ctx: object, read: PiiRead): void {
  const log = ctx as PiiReadLog;
  let keys = seen.get(ctx);
  if (!keys) {
    keys = new Set();
    seen.set(ctx, keys);
  }
  const key = `${read.type}\u0000${read.id}\u0000${read.field}`;
  if (keys.has(key)) return;
  keys.add(key);
  log.piiReads ??= [];
  log.piiReads.push({ ...read });
}

/** The PII reads of this request so far (empty when there were none). */
export function piiReadsOf(ctx: object): readonly PiiRead[] {
  return (ctx as PiiReadLog).piiReads ?? [];
}

/** The reads grouped by object, in the order the objects were first read. */
export function piiReadTargets(reads: readonly PiiRead[]): PiiReadTarget[] {
  const byObject = new Map<string, PiiReadTarget>();
  for (const { type, id, field } of reads) {
    const key = `${type}\u0000${id}`;
    const target = byObject.get(key) ?? { type, id, fields: [] };
    byObject.set(key, target);
    if (!target.fields.includes(field)) target.fields.push(field);
  }
  return [...byObject.values()];
}
