import { parseCsv } from '../csv';

describe('parseCsv', () => {
  it('splits rows and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    });
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('name,note\r\n"Lin, Yue","say ""hi""\nthen go"\r\n')).toEqual({
      ok: true,
      rows: [
        ['name', 'note'],
        ['Lin, Yue', 'say "hi"\nthen go'],
      ],
    });
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(parseCsv('a,,""\n,b,')).toEqual({
      ok: true,
      rows: [
        ['a', '', ''],
        ['', 'b', ''],
      ],
    });
  });

  it('drops a byte-order mark and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\n\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
    });
  });

  it('rejects malformed quoting', () => {
    expect(parseCsv('a,"b\n1,2')).toEqual({ ok: false, message: 'line 2: a quoted field is never closed' });
    expect(parseCsv('a,"b"c')).toEqual({ ok: false, message: 'line 1: text after a closing quote' });
    expect(parseCsv('a,b"c"')).toEqual({ ok: false, message: 'line 1: a quote inside an unquoted field' });
  });
});
