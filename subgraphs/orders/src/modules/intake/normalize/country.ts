import { COUNTRY_ALIASES, ISO_3166_ALPHA2, foldCountryName } from './country-names';

export type CountryParse = { ok: true; code: string } | { ok: false; message: string };

/**
 * Country codes or names to ISO-3166 alpha-2: "us", "USA", "United States",
 * "中国" -> "US"/"CN". An unknown name is a problem, never a guess. The caller
 * records a 'country-iso' repair when the text changed.
 */
export function normalizeCountry(value: unknown): CountryParse {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'a country is required' };
  const text = value.trim();
  if (/^[a-z]{2}$/i.test(text) && ISO_3166_ALPHA2.has(text.toUpperCase()))
    return { ok: true, code: text.toUpperCase() };
  const alias = COUNTRY_ALIASES[foldCountryName(text)];
  if (alias) return { ok: true, code: alias };
  return { ok: false, message: `"${text}" is not a country we recognise; send the ISO-3166 alpha-2 code` };
}
