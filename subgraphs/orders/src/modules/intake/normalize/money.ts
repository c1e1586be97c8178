import { describeValue } from './text';

/**
 * Money in integer minor units (cents, fen). Amounts are parsed from their
 * decimal text, never through float arithmetic, and formatted back with two
 * decimals, as the order tables store them (numeric(14,2)).
 */

/** How a channel writes an amount: decimal major units ("12.30", 12.3) or integer minor units (1230 fen). */
export type MoneyUnit = 'major' | 'minor';

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/** The largest amount numeric(14,2) holds, in minor units. */
export const MAX_MINOR = 99_999_999_999_999;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const INTEGER = /^\d+$/;

/**
 * Parses an amount given as a number or a string. Rejects negatives, NaN,
 * non-numeric text and more than two decimals (trailing zeros such as "1.500"
 * are exact and accepted). In `minor` mode only whole minor units are accepted.
 */
export function parseMoney(value: unknown, unit: MoneyUnit = 'major'): MoneyParse {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `${value} is not an amount` };
    // String(n) is the shortest text that round-trips, so 39.9 reads as "39.9", not 39.899999...
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
    if (text === '') return { ok: false, message: 'is empty' };
  } else {
    return { ok: false, message: `expected an amount, got ${describeValue(value)}` };
  }
  if (text.startsWith('-') && DECIMAL.test(text.slice(1))) return { ok: false, message: `${text} is negative` };
  return unit === 'minor' ? parseMinorText(text) : parseMajorText(text);
}

function parseMajorText(text: string): MoneyParse {
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a decimal amount` };
  const [, whole, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) return { ok: false, message: `${text} has more than 2 decimals` };
  return bounded(Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')), text);
}

function parseMinorText(text: string): MoneyParse {
  if (!INTEGER.test(text)) return { ok: false, message: `${text} is not a whole number of minor units (fen)` };
  return bounded(Number(text), text);
}

function bounded(minor: number, text: string): MoneyParse {
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return { ok: false, message: `${text} is too large` };
  return { ok: true, minor };
}

/** 1230 -> "12.30", 5 -> "0.05", -250 -> "-2.50". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
