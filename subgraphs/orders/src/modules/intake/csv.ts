/**
 * A small RFC 4180 reader: comma-separated fields, fields in double quotes may
 * hold commas, line breaks and doubled quotes (""). Lines end in LF or CRLF.
 * A leading byte-order mark is dropped, as spreadsheet exports carry one.
 */
export type CsvParse = { ok: true; rows: string[][] } | { ok: false; message: string };

export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  const input = text.replace(/^\uFEFF/, '');

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        const next = input[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, message: `line ${line}: text after a closing quote` };
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') return { ok: false, message: `line ${line}: a quote inside an unquoted field` };
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, message: `line ${line}: a quoted field is never closed` };
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (a trailing newline, an empty line between rows) carry nothing.
  return { ok: true, rows: rows.filter((r) => !(r.length === 1 && r[0].trim() === '')) };
}
