import { normalizePhone } from '../normalize/phone';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', 'CN', '+8613812345678'],
    ['+86 138-1234-5678', null, '+8613812345678'],
    ['0086 138 1234 5678', null, '+8613812345678'],
    ['8613812345678', 'CN', '+8613812345678'],
    ['0571-88889999', 'CN', '+8657188889999'],
    ['010 6234 5678', 'CN', '+861062345678'],
    ['+1 206-555-0188', null, '+12065550188'],
    ['(206) 555-0188', 'US', '+12065550188'],
    ['1-206-555-0188', 'US', '+12065550188'],
    ['+14155550142', 'CN', '+14155550142'],
    ['07700 900123', 'GB', '+447700900123'],
    ['+852 9123 4567', null, '+85291234567'],
  ])('%p (region %p) is %p', (raw, region, e164) => {
    expect(normalizePhone(raw, region)).toEqual({ kind: 'ok', e164 });
  });

  it.each(['138****0923', '139****5521', '+86 138****5678'])('keeps masked %p unusable instead of guessing', (raw) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ kind: 'masked' });
  });

  it.each([null, undefined, '', '   '])('reads %p as no phone', (raw) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['12345', 'CN'],
    ['1381234567', 'CN'], // one digit short
    ['+1 206-055-0188', null], // exchange cannot start with 0
    ['call me', 'CN'],
    ['2065550188', null], // no country code and no country
    ['+12', null],
  ])('rejects %p (region %p)', (raw, region) => {
    expect(normalizePhone(raw, region)).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    ['1381234567', 'CN', 'is not a valid phone number'],
    ['call me 138', 'CN', 'is not a phone number'],
    ['2065550188', null, 'has no country code and the country is unknown'],
  ])(
    'says what is wrong with %p without repeating it (messages are returned, stored and logged)',
    (raw, region, message) => {
      expect(normalizePhone(raw, region)).toEqual({ kind: 'invalid', message });
    },
  );
});
