import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * How a PII value is masked for a caller without `pii:read`. The masked form
 * is never the real value and never null where a value exists; a blank value
 * masks to "" (there is nothing to hide). Each kind keeps only what lets a
 * person recognise a record they already know, never enough to contact or
 * find someone:
 *
 * - `email`: the first character of the local part, `***`, and the domain:
 *   `zhang.li@example.com` -> `z***@example.com`. A local part of one character
 *   shows none (`***@example.com`), since the domain is kept. Without an `@`
 *   the value is masked like a one-word name (`n***`).
 * - `phone`: the country code when the number has one, the first 3 and last 4
 *   digits of the national number when it has at least 10 (`+86 138****0923`);
 *   a shorter number keeps only its last 2 digits (`+33 ****78`), one under 6
 *   digits none (`****`). Spaces, dashes and brackets are dropped, `00` counts
 *   as `+`; the stars are always four, whatever the number of hidden digits.
 * - `name`: the first letter of each word and `***` (`Zhang Li` -> `Z*** L***`);
 *   a word in a CJK script keeps its first character and `**` (`张三丰` -> `张**`,
 *   the family name). A name of a single character shows none (`***`).
 * - `line` (a street line): `***`. House numbers and streets identify a home,
 *   and the address's country, province, city and postal code stay readable
 *   in their own fields.
 */
export type PiiKind = 'email' | 'phone' | 'name' | 'line';

export const PII_KINDS: readonly PiiKind[] = ['email', 'phone', 'name', 'line'];

/** The masked form of `value` for its kind (see PiiKind). */
export function maskPii(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'name':
      return maskName(value);
    case 'line':
      return maskLine(value);
    default:
      return unreachable(kind);
  }
}

/** `zhang.li@example.com` -> `z***@example.com` (see PiiKind). */
export function maskEmail(value: string): string {
  const text = value.trim();
  if (!text) return '';
  const at = text.lastIndexOf('@');
  if (at < 0) return initialOnly(text);
  return `${initialOnly(text.slice(0, at))}@${text.slice(at + 1)}`;
}

/** `+8613800000923` -> `+86 138****0923` (see PiiKind). */
export function maskPhone(value: string): string {
  const text = value.trim();
  if (!text) return '';
  const parsed = parsePhoneNumberFromString(text.replace(/^00/, '+'));
  const prefix = parsed ? `+${parsed.countryCallingCode} ` : '';
  const digits = parsed ? parsed.nationalNumber : text.replace(/\D/g, '');
  if (digits.length >= 10) return `${prefix}${digits.slice(0, 3)}${STARS}${digits.slice(-4)}`;
  if (digits.length >= 6) return `${prefix}${STARS}${digits.slice(-2)}`;
  return `${prefix}${STARS}`;
}

/** `Zhang Li` -> `Z*** L***`, `张三` -> `张**` (see PiiKind). */
export function maskName(value: string): string {
  const words = value.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  if (words.length === 1 && graphemes(words[0]).length === 1) return '***';
  return words
    .map((word) => {
      const first = graphemes(word)[0];
      return CJK.test(first) ? `${first}**` : `${first}***`;
    })
    .join(' ');
}

/** Any street line -> `***` (see PiiKind). */
export function maskLine(value: string): string {
  return value.trim() ? '***' : '';
}

const STARS = '****';

// Han, kana and hangul: names written without spaces, family name first.
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// User-perceived characters, so an accented letter or an emoji is never cut in half.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Printable ASCII (most emails and Latin names) is one character per code unit: no segmenter needed.
const ASCII = /^[\x20-\x7e]*$/;
const graphemes = (text: string): string[] =>
  ASCII.test(text) ? text.split('') : Array.from(segmenter.segment(text), (s) => s.segment);

/** The first character and `***`; nothing of a one-character text (it would be all of it). */
function initialOnly(text: string): string {
  const chars = graphemes(text);
  return chars.length > 1 ? `${chars[0]}***` : '***';
}

function unreachable(value: never): never {
  throw new Error(`unknown PII kind ${String(value)}`);
}
