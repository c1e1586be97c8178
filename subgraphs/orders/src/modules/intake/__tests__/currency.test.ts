import { normalizeCurrency } from '../normalize/currency';

describe('normalizeCurrency', () => {
  it.each(['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'KRW'])('accepts %p', (code) => {
    expect(normalizeCurrency(code)).toEqual({ ok: true, code });
  });

  it('accepts any case and surrounding spaces', () => {
    expect(normalizeCurrency(' usd ')).toEqual({ ok: true, code: 'USD' });
    expect(normalizeCurrency('Cny')).toEqual({ ok: true, code: 'CNY' });
  });

  it.each(['RMB', 'US$', 'XYZ', 'USDT'])('rejects %p, which is not ISO-4217', (code) => {
    expect(normalizeCurrency(code)).toEqual({ ok: false, message: `"${code}" is not an ISO-4217 currency code` });
  });

  it.each([undefined, null, '', 840])('requires a code, not %p', (value) => {
    expect(normalizeCurrency(value)).toEqual({ ok: false, message: 'an ISO-4217 currency code is required' });
  });
});
