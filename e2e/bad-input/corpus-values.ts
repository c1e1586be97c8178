/**
 * The bad-input corpus: for every mutation and argument-taking query of the
 * contract (and the batch import, holds, quotas and webhooks beside it),
 * values past every kind of bound. Each case says which error codes are a
 * correct refusal and, where the refusal names a field, which one.
 */
export interface BadCase {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Codes the refusal may carry; BAD_USER_INPUT unless stated. */
  codes?: string[];
  /** The field `extensions.problems` (and the message) must name. */
  field?: string;
}

export const MB5 = 'x'.repeat(5 * 1024 * 1024);
export const LONG = 'y'.repeat(20_000);
export const NUL = 'a\u0000b';
export const SOH = 'a\u0001b';
export const BAD_DATES = ['yesterday', '2026-13-45T00:00:00Z', '0000-01-01T00:00:00Z'];
export const INT_MAX = 2_147_483_647;

/** `value` with the property at `path` ("buyer.name", "lines.0.quantity") replaced. */
export function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}

/** Oversized and control-character variants of one text variable. */
export function textCases(
  op: string,
  query: string,
  base: Record<string, unknown>,
  path: string,
  field: string,
  huge = false,
): BadCase[] {
  const cases: BadCase[] = [
    { label: `${op}: ${path} of 20,000 characters`, query, variables: withValue(base, path, LONG), field },
    { label: `${op}: ${path} with NUL`, query, variables: withValue(base, path, NUL), field },
    { label: `${op}: ${path} with U+0001`, query, variables: withValue(base, path, SOH), field },
  ];
  if (huge) cases.push({ label: `${op}: ${path} of 5 MB`, query, variables: withValue(base, path, MB5), field });
  return cases;
}

export function dateCases(op: string, query: string, base: Record<string, unknown>, path: string): BadCase[] {
  return BAD_DATES.map((date) => ({
    label: `${op}: ${path} "${date}"`,
    query,
    variables: withValue(base, path, date),
  }));
}

export function intCases(
  op: string,
  query: string,
  base: Record<string, unknown>,
  path: string,
  field: string,
  values: number[],
): BadCase[] {
  return values.map((value) => ({
    label: `${op}: ${path} ${value}`,
    query,
    variables: withValue(base, path, value),
    field,
  }));
}

/** The corpus; `ids` are rows of the started platform the operations point at. */

/** Rows of the started platform the operations point at. */
export interface CorpusIds {
  customerId: string;
  orderId: string;
  warehouseId: string;
  sku: string;
}

/** `{"a":{"a":...1}}`, `depth` objects deep. */
export function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
