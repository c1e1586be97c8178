import { CHINA_OFFSET, parseInstant } from '../normalize/instant';

describe('parseInstant', () => {
  it('applies the China offset to a local time and says what it assumed', () => {
    expect(parseInstant('2026-11-22 10:15:30', { localOffset: CHINA_OFFSET })).toEqual({
      ok: true,
      date: new Date('2026-11-22T02:15:30.000Z'),
      assumed: '2026-11-22T10:15:30+08:00',
    });
    // Just after midnight in China is still the previous day in UTC.
    expect(parseInstant('2026-11-23 00:05:00', { localOffset: CHINA_OFFSET })).toMatchObject({
      date: new Date('2026-11-22T16:05:00.000Z'),
    });
  });

  it('reads ISO times with an offset as they say, assuming nothing', () => {
    expect(parseInstant('2026-11-20T21:14:03-05:00', { localOffset: CHINA_OFFSET })).toEqual({
      ok: true,
      date: new Date('2026-11-21T02:14:03.000Z'),
    });
    expect(parseInstant('2026-11-21T03:41:12Z')).toEqual({ ok: true, date: new Date('2026-11-21T03:41:12.000Z') });
    expect(parseInstant('2026-11-21T03:41:12.250+0000')).toEqual({
      ok: true,
      date: new Date('2026-11-21T03:41:12.250Z'),
    });
  });

  it('reads unix seconds when told to', () => {
    expect(parseInstant(1763823045, { epochSeconds: true })).toEqual({
      ok: true,
      date: new Date('2025-11-22T14:50:45.000Z'),
    });
    expect(parseInstant('1763823045', { epochSeconds: true })).toEqual({
      ok: true,
      date: new Date('2025-11-22T14:50:45.000Z'),
    });
    expect(parseInstant(1763823045)).toEqual({ ok: false, message: 'a date and time is required' });
  });

  it('accepts a Date as it is', () => {
    expect(parseInstant(new Date('2026-11-24T00:00:00Z'))).toEqual({
      ok: true,
      date: new Date('2026-11-24T00:00:00Z'),
    });
  });

  it.each([
    ['2026-11-22 10:15:30', {}, '"2026-11-22 10:15:30" has no UTC offset'],
    ['2026-02-30 10:00:00', { localOffset: CHINA_OFFSET }, '"2026-02-30 10:00:00" is not a real date and time'],
    ['2026-11-22 24:00:00', { localOffset: CHINA_OFFSET }, '"2026-11-22 24:00:00" is not a real date and time'],
    ['2026-11-22', { localOffset: CHINA_OFFSET }, '"2026-11-22" is not a date and time'],
    ['22/11/2026 10:15', { localOffset: CHINA_OFFSET }, '"22/11/2026 10:15" is not a date and time'],
    ['2026-11-22T10:15:30+25:00', {}, '"2026-11-22T10:15:30+25:00" has an impossible UTC offset'],
    [1763823045000, { epochSeconds: true }, 'is not between the years 2000 and 2099'],
    [new Date('nope'), {}, 'is not a valid date'],
    ['', {}, 'a date and time is required'],
  ])('rejects %p', (value, options, message) => {
    expect(parseInstant(value, options)).toEqual({ ok: false, message });
  });
});
