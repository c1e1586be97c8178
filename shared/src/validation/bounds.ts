import { badUserInput, type InputProblem } from '../errors/app-error';
import {
  checkFloat,
  checkInt,
  checkJson,
  checkListSize,
  checkText,
  problemsOf,
  type JsonBound,
  type NumberRange,
  type TextBound,
} from './checks';

/**
 * One argument's or input field's bound: what the schema description says
 * about it, and the check that holds a value to it. `field` is the name the
 * problems carry (the argument's name, or the input field's path).
 */
export interface Bound {
  description: string;
  check(value: unknown, field: string): InputProblem[];
}

export const textBound = (max: number, options: Omit<TextBound, 'max'> = {}): Bound => ({
  description: options.multiline
    ? `At most ${max} characters, no control characters but tab and line breaks.`
    : `At most ${max} characters, no control characters.`,
  check: (value, field) => problemsOf(checkText(field, value, { max, ...options })),
});

export const intBound = (range: NumberRange): Bound => ({
  description: `${range.min}..${range.max}.`,
  check: (value, field) => problemsOf(checkInt(field, value, range)),
});

export const floatBound = (range: NumberRange): Bound => ({
  description: `${range.min}..${range.max}.`,
  check: (value, field) => problemsOf(checkFloat(field, value, range)),
});

export const jsonBound = (bound: JsonBound): Bound => ({
  description: `At most ${formatBytes(bound.maxBytes)} serialized, nested at most ${bound.maxDepth} levels.`,
  check: (value, field) => problemsOf(checkJson(field, value, bound)),
});

/** A list of at most `max` entries, each held to `item` when given. */
export const listBound = (max: number, item?: Bound): Bound => ({
  description: `At most ${max} entries.${item ? ` Each: ${item.description}` : ''}`,
  check(value, field) {
    const size = checkListSize(field, value, max);
    if (size || !item || !Array.isArray(value)) return problemsOf(size);
    return value.flatMap((entry, i) => item.check(entry, `${field}[${i}]`));
  },
});

/**
 * An input object checked by its own function (kept next to the input type);
 * its problems name the input's fields ("trackingNumber"), as the input's
 * field descriptions list their bounds.
 */
export const inputBound = (check: (value: Record<string, unknown>) => InputProblem[], description = ''): Bound => ({
  description,
  check: (value) => (value && typeof value === 'object' ? check(value as Record<string, unknown>) : []),
});

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Joins a field's own description with its bound's. */
export function describe(text: string | undefined, bound: Bound): string {
  return [text?.trim(), bound.description].filter(Boolean).join(' ');
}

/**
 * Throws one BAD_USER_INPUT listing every problem (each field named in the message too); nothing when there is
 * none.
 */
export function throwIfProblems(problems: InputProblem[], what = 'Invalid input'): void {
  if (!problems.length) return;
  throw badUserInput(`${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
}
