/**
 * Phone numbers to E.164. Deliberately small: China and North America are
 * validated by their numbering plans, other countries only by E.164 length,
 * which is enough to store and dial what a channel sends.
 */

export type PhoneParse =
  | { kind: 'empty' }
  /** The platform hid digits (138****0923); nothing usable is left and nothing is guessed. */
  | { kind: 'masked' }
  | { kind: 'ok'; e164: string }
  | { kind: 'invalid'; message: string };

/** Calling codes for the countries whose numbers arrive without one. */
const CALLING_CODES: Record<string, string> = {
  CN: '86',
  US: '1',
  CA: '1',
  HK: '852',
  MO: '853',
  TW: '886',
  SG: '65',
  JP: '81',
  KR: '82',
  GB: '44',
  AU: '61',
  DE: '49',
  FR: '33',
};

const CN_MOBILE = /^1[3-9]\d{9}$/;
// Area code without the trunk 0 (10, 2x, or three digits such as 571) and a 7-8 digit subscriber number.
const CN_LANDLINE = /^(10|2\d|[3-9]\d{2})\d{7,8}$/;
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * @param region ISO alpha-2 country the number is local to when it carries no
 *   country code (the shipping country, or CN for Chinese platforms).
 */
export function normalizePhone(value: unknown, region: string | null): PhoneParse {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value !== 'string' && typeof value !== 'number')
    return { kind: 'invalid', message: 'is not a phone number' };
  const raw = String(value).trim();
  if (raw === '') return { kind: 'empty' };
  if (/[*＊]/.test(raw)) return { kind: 'masked' };
  const compact = raw.replace(/[\s\-.()\u00a0]/g, '');
  // Problem messages name the field, never the number: they are returned, stored and logged.
  if (!/^(\+|00)?\d+$/.test(compact)) return { kind: 'invalid', message: 'is not a phone number' };

  let international: string | null = null;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (region === 'CN' && /^86\d{11}$/.test(compact)) international = compact;

  const e164 = international !== null ? `+${international}` : withRegion(compact, region);
  if (e164 === null) return { kind: 'invalid', message: 'has no country code and the country is unknown' };
  return checkPlan(e164);
}

function withRegion(national: string, region: string | null): string | null {
  const code = region ? CALLING_CODES[region] : undefined;
  if (!code) return null;
  if (code === '1') return `+1${national.length === 11 && national.startsWith('1') ? national.slice(1) : national}`;
  // Outside North America a leading 0 is the trunk prefix, dropped after the country code.
  return `+${code}${national.replace(/^0/, '')}`;
}

function checkPlan(e164: string): PhoneParse {
  const invalid: PhoneParse = { kind: 'invalid', message: 'is not a valid phone number' };
  if (e164.startsWith('+86')) {
    const national = e164.slice(3);
    return CN_MOBILE.test(national) || CN_LANDLINE.test(national) ? { kind: 'ok', e164 } : invalid;
  }
  if (e164.startsWith('+1')) return NANP.test(e164.slice(2)) ? { kind: 'ok', e164 } : invalid;
  return E164.test(e164) ? { kind: 'ok', e164 } : invalid;
}
