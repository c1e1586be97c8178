import type { InputProblem } from '../errors/app-error';

/**
 * Reusable checks of one value against one bound. Each returns the problem
 * (naming `field`) or null; absent values (undefined, null) pass, since
 * whether a value is required is the input type's business, not its bound's.
 * Lengths are checked before anything scans the text, so a 5 MB string costs
 * one comparison.
 */

export interface TextBound {
  max: number;
  /**
   * Tab, line feed and carriage return are allowed (free text); otherwise they are refused like other control
   * characters.
   */
  multiline?: boolean;
}

// C0 controls, DEL and C1 controls; NUL cannot even be stored in a PostgreSQL text column.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what these are for.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
// A surrogate without its pair is not Unicode text; PostgreSQL would get a replacement character instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkText(field: string, value: unknown, bound: TextBound): InputProblem | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return { field, message: 'must be text' };
  if (value.length > bound.max) return { field, message: `at most ${bound.max} characters, got ${value.length}` };
  const control = (bound.multiline ? CONTROL : CONTROL_OR_BREAK).exec(value);
  if (control) return { field, message: `contains the control character ${codePoint(control[0])} at ${control.index}` };
  if (LONE_SURROGATE.test(value)) return { field, message: 'contains an unpaired surrogate (not valid Unicode)' };
  return null;
}

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export interface NumberRange {
  min: number;
  max: number;
}

/** A whole number in `range` (inclusive). */
export function checkInt(field: string, value: unknown, range: NumberRange): InputProblem | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) return { field, message: 'must be a whole number' };
  if (value < range.min || value > range.max)
    return { field, message: `must be within ${range.min}..${range.max}, got ${value}` };
  return null;
}

/** A finite number in `range` (inclusive). */
export function checkFloat(field: string, value: unknown, range: NumberRange): InputProblem | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { field, message: 'must be a finite number' };
  if (value < range.min || value > range.max)
    return { field, message: `must be within ${range.min}..${range.max}, got ${value}` };
  return null;
}

/** A list of at most `max` entries. */
export function checkListSize(field: string, value: unknown, max: number): InputProblem | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return { field, message: 'must be a list' };
  if (value.length > max) return { field, message: `at most ${max} entries, got ${value.length}` };
  return null;
}

/** An instant within [earliest, latest). */
export function checkInstant(
  field: string,
  value: unknown,
  range: { earliest: Date; latest: Date },
): InputProblem | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return { field, message: 'must be a date and time' };
  if (value < range.earliest || value >= range.latest) {
    return { field, message: `must be from ${range.earliest.toISOString()} and before ${range.latest.toISOString()}` };
  }
  return null;
}

export interface JsonBound {
  /** Serialized size, approximated from below (strings, keys, numbers and punctuation). */
  maxBytes: number;
  /** Objects and lists inside each other; a scalar at the top is depth 0. */
  maxDepth: number;
}

/**
 * Size and nesting of a decoded JSON value, walked without recursion and
 * stopped at the first bound passed, so a value nested 10,000 deep or holding
 * millions of entries costs no more than the bound.
 */
export function checkJson(field: string, value: unknown, bound: JsonBound): InputProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let bytes = 0;
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') bytes += current.length + 2;
    else if (current === null || typeof current !== 'object') bytes += String(current).length;
    else {
      if (depth + 1 > bound.maxDepth) return { field, message: `nests deeper than ${bound.maxDepth} levels` };
      // Brackets, and a comma between entries.
      const entries = Array.isArray(current) ? current.map((item) => ['', item] as const) : Object.entries(current);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, item] of entries) {
        if (!Array.isArray(current)) bytes += key.length + 3;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
    if (bytes > bound.maxBytes) return { field, message: `larger than ${bound.maxBytes} bytes` };
  }
  return null;
}

/** The non-null problems of several checks. */
export function problemsOf(...found: (InputProblem | null | undefined)[]): InputProblem[] {
  return found.filter((p): p is InputProblem => !!p);
}

/**
 * Text as a log or an error message may keep it: control characters shown as
 * U+XXXX escapes (PostgreSQL text and jsonb cannot hold NUL) and anything past
 * `max` cut, saying how long it was. For values that are stored after a
 * refusal, e.g. the intake log of a rejected payload.
 */
export function clipForLog(text: string, max = 200): string {
  const head = text.length > max ? text.slice(0, max) : text;
  const clean = head
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped.
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LONE_SURROGATE_GLOBAL, '\uFFFD');
  return text.length > max ? `${clean}… (${text.length} characters)` : clean;
}
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');
