import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { badUserInput } from '../errors/app-error';
import { clipForLog } from '../validation/checks';
import { DateLimits } from '../validation/limits';

/**
 * `DateTime`: an ISO-8601 string with offset on the wire, a `Date` in code.
 * The contract names the scalar `DateTime`; type-graphql 2's own is `DateTimeISO`.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'ISO-8601 date-time with offset, e.g. 2026-11-24T08:00:00Z; from 1970-01-01 up to (not including) 2100-01-01. ' +
    'Anything else, as a literal or a variable, is BAD_USER_INPUT.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

// An offset is required: a bare local time is ambiguous across the channels' time zones.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

// Thrown as BAD_USER_INPUT (not TypeError) so a bad literal, which GraphQL reports as a
// validation failure, is still told apart from other validation errors (see makeFormatError).
function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    const got = clipForLog(JSON.stringify(value) ?? String(value), 100);
    throw badUserInput(`DateTime must be an ISO-8601 string with an offset, got ${got}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !isCalendarDate(value))
    throw badUserInput(`DateTime is not a valid date: ${clipForLog(value, 100)}`);
  if (date < DateLimits.earliest || date >= DateLimits.latest) {
    throw badUserInput(`DateTime must be from 1970-01-01 and before 2100-01-01, got ${clipForLog(value, 100)}`);
  }
  return date;
}

// `Date` rolls 2026-02-30 over to March 2 and 24:00 over to the next day; a channel sending those has a bug to
// hear about.
function isCalendarDate(value: string): boolean {
  const [year, month, day, hour] = value.slice(0, 13).split(/[-T]/).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23;
}

/** `JSON`: raw channel payloads. */
export const JSONScalar = GraphQLJSON;

/** Scalar mapping for type-graphql's `buildSchema({ scalarsMap })`. */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
