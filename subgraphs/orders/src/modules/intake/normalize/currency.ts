/**
 * Active ISO-4217 currency codes. A code outside this list is a problem rather
 * than passed through, since a typo ("RMB", "US$") would otherwise become an
 * order nobody can price.
 */
const ISO_4217 = new Set(
  (
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
    'GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
    'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN ' +
    'NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP ' +
    'SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND ' +
    'VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

export type CurrencyParse = { ok: true; code: string } | { ok: false; message: string };

/** Accepts a code in any case ("usd" -> "USD"); the caller records a repair when the text changed. */
export function normalizeCurrency(value: unknown): CurrencyParse {
  if (typeof value !== 'string' || value.trim() === '')
    return { ok: false, message: 'an ISO-4217 currency code is required' };
  const code = value.trim().toUpperCase();
  if (!ISO_4217.has(code)) return { ok: false, message: `"${value}" is not an ISO-4217 currency code` };
  return { ok: true, code };
}
