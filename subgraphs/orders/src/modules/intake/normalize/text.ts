/**
 * Free text from a channel: trimmed, and blank means absent. Names and places
 * are otherwise kept exactly as given (浙江省 stays 浙江省, a masked 刘** stays
 * masked): rewriting them would break matching against the platform's records.
 */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** Joins the present parts of an address or name; null when none is present. */
export function joinText(parts: unknown[], separator: string): string | null {
  const present = parts.map(cleanText).filter((part): part is string => part !== null);
  return present.length ? present.join(separator) : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/**
 * A value as a problem message shows it: "abc" quoted, objects and lists by
 * kind. Only for values that cannot be PII (amounts, quantities, codes): see describeKind.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/**
 * What kind of value arrived, never the value: for a field that may hold PII
 * (a name, phone or address given where an object was expected), since
 * problem messages are returned, stored in the intake log and logged.
 */
export function describeKind(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  return describeValue(value);
}
