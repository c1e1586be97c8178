/**
 * Order times to instants. Chinese platforms write local wall-clock time with
 * no offset ("2026-11-22 10:15:30"); that is only an instant once we know the
 * zone, so the caller names the offset it assumes and the parse reports that it
 * applied one. Everything else must carry its offset or be unix seconds.
 */

export interface InstantOptions {
  /** Offset for times written without one, e.g. "+08:00" for China; without it such times are a problem. */
  localOffset?: string;
  /** Numbers and digit strings are unix seconds (Douyin); otherwise they are a problem. */
  epochSeconds?: boolean;
}

export type InstantParse =
  | { ok: true; date: Date /** Set when `localOffset` was applied: the time as understood. */; assumed?: string }
  | { ok: false; message: string };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

// Anything before 2000 or past 2100 is a unit mix-up (milliseconds, a zero), not an order.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export function parseInstant(value: unknown, options: InstantOptions = {}): InstantParse {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, message: 'is not a valid date' } : inRange(value);
  }
  if (
    options.epochSeconds &&
    (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim())))
  ) {
    const seconds = Number(value);
    if (!Number.isSafeInteger(seconds)) return { ok: false, message: `${String(value)} is not whole unix seconds` };
    return inRange(new Date(seconds * 1000));
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'a date and time is required' };
  const text = value.trim();
  const match = TIMESTAMP.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a date and time` };
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const millis = Number(frac.padEnd(3, '0').slice(0, 3));
  const wallClock = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], millis);
  if (!isRealDate(new Date(wallClock), fields)) return { ok: false, message: `"${text}" is not a real date and time` };

  const offset = zone ?? options.localOffset;
  if (!offset) return { ok: false, message: `"${text}" has no UTC offset` };
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return { ok: false, message: `"${text}" has an impossible UTC offset` };
  const parsed = inRange(new Date(wallClock - offsetMinutes * 60_000));
  if (!parsed.ok || zone) return parsed;
  return { ...parsed, assumed: `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac}` : ''}${offset}` };
}

function isRealDate(date: Date, [y, mo, d, h, mi, s]: number[]): boolean {
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

function parseOffset(offset: string): number | null {
  if (/^z$/i.test(offset)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function inRange(date: Date): InstantParse {
  const time = date.getTime();
  if (!(time >= EARLIEST && time < LATEST)) return { ok: false, message: 'is not between the years 2000 and 2099' };
  return { ok: true, date };
}

/** China Standard Time, what Tmall, JD and Chinese POS tills mean by a time without an offset (no DST). */
export const CHINA_OFFSET = '+08:00';
