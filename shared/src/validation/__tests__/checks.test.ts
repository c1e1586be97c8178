import {
  checkFloat,
  checkInstant,
  checkInt,
  checkJson,
  checkListSize,
  checkText,
  clipForLog,
} from '@supply-graph/shared';

describe('checkText', () => {
  it('passes text within the bound, and absent values', () => {
    expect(checkText('name', 'Zhou Min 周敏', { max: 200 })).toBeNull();
    expect(checkText('name', 'x'.repeat(200), { max: 200 })).toBeNull();
    expect(checkText('name', null, { max: 200 })).toBeNull();
    expect(checkText('name', undefined, { max: 200 })).toBeNull();
  });

  it('names the field and both lengths past the bound', () => {
    expect(checkText('buyer.name', 'x'.repeat(5 * 1024 * 1024), { max: 200 })).toEqual({
      field: 'buyer.name',
      message: 'at most 200 characters, got 5242880',
    });
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000 at 1'],
    ['U+0001', '\u0001ab', 'U+0001 at 0'],
    ['DEL', 'ab\u007F', 'U+007F at 2'],
    ['a C1 control', 'ab\u0085', 'U+0085 at 2'],
    ['a line feed in a one-line field', 'a\nb', 'U+000A at 1'],
    ['a tab in a one-line field', 'a\tb', 'U+0009 at 1'],
  ])('refuses %s', (_label, value, where) => {
    expect(checkText('reason', value, { max: 100 })).toEqual({
      field: 'reason',
      message: `contains the control character ${where}`,
    });
  });

  it('allows tab and line breaks in free text, but not NUL', () => {
    expect(checkText('description', 'line 1\r\nline 2\tend', { max: 100, multiline: true })).toBeNull();
    expect(checkText('description', 'line 1\u0000', { max: 100, multiline: true })?.message).toMatch(/U\+0000/);
  });

  it('refuses an unpaired surrogate, keeps paired ones (emoji)', () => {
    expect(checkText('name', 'ok 😀', { max: 100 })).toBeNull();
    expect(checkText('name', 'bad \uD83D', { max: 100 })).toEqual({
      field: 'name',
      message: 'contains an unpaired surrogate (not valid Unicode)',
    });
    expect(checkText('name', '\uDE00 bad', { max: 100 })).not.toBeNull();
  });

  it('refuses a non-string', () => {
    expect(checkText('name', 42, { max: 100 })).toEqual({ field: 'name', message: 'must be text' });
  });
});

describe('checkInt and checkFloat', () => {
  const range = { min: 1, max: 100_000 };
  it.each([1, 100_000, null, undefined])('passes %p', (value) => expect(checkInt('quantity', value, range)).toBeNull());
  it.each([0, -1, 100_001, 2_147_483_647])('refuses %p naming the range', (value) => {
    expect(checkInt('quantity', value, range)).toEqual({
      field: 'quantity',
      message: `must be within 1..100000, got ${value}`,
    });
  });
  it('refuses fractions and non-numbers', () => {
    expect(checkInt('quantity', 1.5, range)?.message).toBe('must be a whole number');
    expect(checkInt('quantity', '1', range)?.message).toBe('must be a whole number');
  });
  it('holds floats to a finite range', () => {
    expect(checkFloat('maxShare', 0.3, { min: 0, max: 1 })).toBeNull();
    expect(checkFloat('maxShare', 1e308, { min: 0, max: 1 })?.message).toBe('must be within 0..1, got 1e+308');
    expect(checkFloat('maxShare', Number.NaN, { min: 0, max: 1 })?.message).toBe('must be a finite number');
  });
});

describe('checkListSize', () => {
  it('counts entries', () => {
    expect(checkListSize('lines', [1, 2], 2)).toBeNull();
    expect(checkListSize('lines', Array(10_000).fill(0), 200)).toEqual({
      field: 'lines',
      message: 'at most 200 entries, got 10000',
    });
    expect(checkListSize('lines', 'nope', 200)?.message).toBe('must be a list');
  });
});

describe('checkInstant', () => {
  const range = { earliest: new Date('1970-01-01T00:00:00Z'), latest: new Date('2100-01-01T00:00:00Z') };
  it('takes [earliest, latest)', () => {
    expect(checkInstant('at', new Date('1970-01-01T00:00:00Z'), range)).toBeNull();
    expect(checkInstant('at', new Date('2100-01-01T00:00:00Z'), range)?.field).toBe('at');
    expect(checkInstant('at', new Date(Number.NaN), range)?.message).toBe('must be a date and time');
  });
});

describe('checkJson', () => {
  const nest = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = { a: value };
    return value;
  };
  const bound = { maxBytes: 1024, maxDepth: 16 };

  it('passes a payload within both bounds', () => {
    expect(checkJson('payload', { trade: { tid: '1', orders: { order: [{ num: 1 }] } } }, bound)).toBeNull();
    expect(checkJson('payload', nest(16), bound)).toBeNull();
  });

  it('refuses nesting past the bound, also 100,000 deep (no recursion)', () => {
    expect(checkJson('payload', nest(17), bound)).toEqual({ field: 'payload', message: 'nests deeper than 16 levels' });
    let deep: unknown[] = [];
    const top = deep;
    for (let i = 0; i < 100_000; i += 1) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(checkJson('payload', top, bound)?.message).toBe('nests deeper than 16 levels');
  });

  it('refuses size past the bound: long strings, many keys, long lists', () => {
    expect(checkJson('payload', { memo: 'z'.repeat(2000) }, bound)).toEqual({
      field: 'payload',
      message: 'larger than 1024 bytes',
    });
    expect(
      checkJson('payload', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 1])), bound)?.message,
    ).toBe('larger than 1024 bytes');
    expect(checkJson('payload', Array(2000).fill(0), bound)?.message).toBe('larger than 1024 bytes');
    expect(checkJson('payload', 'z'.repeat(5000), bound)?.message).toBe('larger than 1024 bytes');
  });

  it('estimates size close to JSON.stringify, never above it', () => {
    const payload = {
      trade: {
        tid: '123',
        receiver_name: '周敏',
        orders: {
          order: [
            { num: 2, price: '12.30' },
            { num: 1, price: null },
          ],
        },
      },
    };
    const exact = JSON.stringify(payload).length;
    expect(checkJson('payload', payload, { maxBytes: exact, maxDepth: 16 })).toBeNull();
    expect(checkJson('payload', payload, { maxBytes: exact - 30, maxDepth: 16 })).not.toBeNull();
  });
});

describe('clipForLog', () => {
  it('keeps short clean text as it is', () => {
    expect(clipForLog('"abc" is not an email address')).toBe('"abc" is not an email address');
  });
  it('cuts long text, saying how long it was', () => {
    expect(clipForLog('x'.repeat(5 * 1024 * 1024), 10)).toBe('xxxxxxxxxx… (5242880 characters)');
  });
  it('escapes control characters (PostgreSQL cannot store NUL) and replaces a surrogate cut in half', () => {
    expect(clipForLog('a\u0000b\u0001')).toBe('a\\u0000b\\u0001');
    expect(clipForLog('😀😀', 3)).toBe('😀\uFFFD… (4 characters)');
  });
});
