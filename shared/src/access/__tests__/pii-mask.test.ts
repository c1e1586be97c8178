import { maskEmail, maskLine, maskName, maskPhone, maskPii, PII_KINDS } from '@supply-graph/shared';

describe('maskEmail', () => {
  it.each([
    ['zhang.li@example.com', 'z***@example.com'],
    [' Zhang@Example.COM ', 'Z***@Example.COM'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['a@b@c.com', 'a***@c.com'], // the domain is after the last @
    ['👨‍👩‍👧x@example.com', '👨‍👩‍👧***@example.com'], // an emoji is one character, never cut in half
  ])('%p -> %p', (value, masked) => {
    expect(maskEmail(value)).toBe(masked);
  });

  it('shows nothing of a one-character local part, since the domain is kept', () => {
    expect(maskEmail('z@example.com')).toBe('***@example.com');
    expect(maskEmail('@example.com')).toBe('***@example.com');
  });

  it('masks a value without @ like a one-word name', () => {
    expect(maskEmail('no-at-sign')).toBe('n***');
    expect(maskEmail('n')).toBe('***');
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613800000923', '+86 138****0923'],
    ['+86 138-0000-0923', '+86 138****0923'],
    ['008613800000923', '+86 138****0923'],
    ['+1 (206) 555-0188', '+1 206****0188'],
    ['13800000923', '138****0923'], // no country code: none is shown
    ['138-0000-0923', '138****0923'],
  ])('keeps the country code, the first 3 and the last 4 digits: %p -> %p', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it.each([
    ['+33612345678', '+33 ****78'],
    ['+85221234567', '+852 ****67'],
    ['123456', '****56'],
    ['138****0923', '****23'], // already masked by the channel
  ])('keeps only the last 2 digits of a number under 10 digits: %p -> %p', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it.each(['12', '12345', 'n/a', '＋８６'])('shows no digit of a number under 6 digits: %p', (value) => {
    expect(maskPhone(value)).toBe('****');
  });
});

describe('maskName', () => {
  it.each([
    ['Zhang Li', 'Z*** L***'],
    ["Mary-Jane  O'Brien", 'M*** O***'],
    ['Émile Zola', 'É*** Z***'],
    ['e\u0301mile', 'e\u0301***'], // a combining accent stays with its letter
    ['张三', '张**'],
    ['欧阳娜娜', '欧**'], // the stars do not tell the length
    ['김민수', '김**'],
    ['やまだ たろう', 'や** た**'],
  ])('%p -> %p', (value, masked) => {
    expect(maskName(value)).toBe(masked);
  });

  it('shows nothing of a one-character name', () => {
    expect(maskName('Z')).toBe('***');
    expect(maskName('张')).toBe('***');
  });
});

describe('maskLine', () => {
  it.each(['221B Baker Street', '浙江省杭州市西湖区文三路100号', '1'])(
    'keeps no house number or street: %p',
    (value) => {
      expect(maskLine(value)).toBe('***');
    },
  );
});

describe('maskPii', () => {
  const samples = ['zhang.li@example.com', '+8613800000923', 'Zhang Li', '221B Baker Street', 'x', '张', '12'];

  it.each(PII_KINDS)('%s: never returns the real value, and a blank value stays blank', (kind) => {
    for (const value of samples) {
      const masked = maskPii(kind, value);
      expect(masked).not.toBe(value);
      expect(masked.length).toBeGreaterThan(0);
    }
    expect(maskPii(kind, '')).toBe('');
    expect(maskPii(kind, '  \t')).toBe('');
  });
});
