import { MAX_MINOR, formatMinor, parseMoney } from '../normalize/money';

describe('parseMoney', () => {
  it.each([
    ['12.30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    [' 0.05 ', 5],
    ['0', 0],
    ['1.500', 150],
    ['999999999999.99', MAX_MINOR],
    [12.3, 1230],
    [39.9, 3990],
    [0, 0],
    [199, 19900],
  ])('reads %p as %p minor units', (value, minor) => {
    expect(parseMoney(value)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.345', '12.345 has more than 2 decimals'],
    [0.1 + 0.2, '0.30000000000000004 has more than 2 decimals'],
    ['-1.00', '-1.00 is negative'],
    [-5, '-5 is negative'],
    [Number.NaN, 'NaN is not an amount'],
    [Number.POSITIVE_INFINITY, 'Infinity is not an amount'],
    ['abc', '"abc" is not a decimal amount'],
    ['1,299.00', '"1,299.00" is not a decimal amount'],
    ['12.', '"12." is not a decimal amount'],
    ['', 'is empty'],
    [null, 'expected an amount, got null'],
    [{ amount: '1' }, 'expected an amount, got an object'],
    ['1000000000000.00', '1000000000000.00 is too large'],
  ])('rejects %p', (value, message) => {
    expect(parseMoney(value)).toEqual({ ok: false, message });
  });

  it('reads integer minor units (fen) when told to', () => {
    expect(parseMoney(25800, 'minor')).toEqual({ ok: true, minor: 25800 });
    expect(parseMoney('25800', 'minor')).toEqual({ ok: true, minor: 25800 });
    expect(parseMoney(258.5, 'minor')).toEqual({
      ok: false,
      message: '258.5 is not a whole number of minor units (fen)',
    });
    expect(parseMoney('-1', 'minor')).toEqual({ ok: false, message: '-1 is negative' });
  });
});

describe('formatMinor', () => {
  it.each([
    [1230, '12.30'],
    [5, '0.05'],
    [0, '0.00'],
    [31870, '318.70'],
    [-250, '-2.50'],
    [MAX_MINOR, '999999999999.99'],
  ])('formats %p as %p', (minor, text) => {
    expect(formatMinor(minor)).toBe(text);
  });
});
