import { normalizeCountry } from '../normalize/country';

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['united  states of america', 'US'],
    ['CN', 'CN'],
    ['China', 'CN'],
    ['中国', 'CN'],
    ['中华人民共和国', 'CN'],
    ['Hong Kong', 'HK'],
    ['UK', 'GB'],
    ['de', 'DE'],
  ])('%p is %p', (text, code) => {
    expect(normalizeCountry(text)).toEqual({ ok: true, code });
  });

  it.each(['Atlantis', 'XX', 'ZZ'])('rejects unknown %p', (text) => {
    expect(normalizeCountry(text)).toEqual({
      ok: false,
      message: `"${text}" is not a country we recognise; send the ISO-3166 alpha-2 code`,
    });
  });

  it.each([undefined, null, '', 86])('requires a country, not %p', (value) => {
    expect(normalizeCountry(value)).toEqual({ ok: false, message: 'a country is required' });
  });
});
