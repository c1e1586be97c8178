/** One problem with a payload, as the API reports them: where and what. */
export interface ItemProblem {
  field: string;
  message: string;
}

/**
 * One payload read from an import file, or a line that could not become one
 * (then it is reported as rejected without being sent).
 */
export type FileItem =
  | { line: number; payload: unknown; label?: string }
  | { line: number; problems: ItemProblem[]; label?: string };

/**
 * A JSON-lines file: one payload per non-blank line. A line that is not JSON,
 * or is JSON null, is an item with a problem; the server judges everything else.
 */
export function readJsonLines(text: string): FileItem[] {
  const items: FileItem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((content, i) => {
      const line = i + 1;
      if (!content.trim()) return;
      try {
        const payload: unknown = JSON.parse(content);
        if (payload === null)
          items.push({ line, problems: [{ field: 'payload', message: 'expected a JSON object, got null' }] });
        else items.push({ line, payload });
      } catch (err) {
        items.push({ line, problems: [{ field: 'payload', message: `not JSON: ${(err as Error).message}` }] });
      }
    });
  return items;
}

interface CsvRecord {
  /** Line of the file the record starts on, from 1. */
  line: number;
  /** The record's text as in the file, without its line break. */
  raw: string;
  fields: string[];
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks) into records, keeping each record's own text so a payload is
 * sent exactly as the file has it. Blank lines are skipped.
 */
export function csvRecords(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let quoted = false;
  let fields: string[] = [];
  let field = '';
  const end = (at: number) => {
    const raw = input.slice(start, at).replace(/\r$/, '');
    fields.push(field.replace(/\r$/, ''));
    if (raw.trim()) records.push({ line: startLine, raw, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '\n') line++;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      end(i);
      start = i + 1;
      startLine = line;
    } else field += ch;
  }
  if (quoted) throw new Error(`line ${startLine}: a quoted field is never closed`);
  end(input.length);
  return records;
}

/**
 * A POS export with many receipts: rows are grouped by (store_code,
 * receipt_no) in order of first appearance, and each group, under the file's
 * header, is one payload (the POS adapter reads one receipt per payload).
 * Throws when the file has no header or the header lacks either column.
 */
export function readPosCsv(text: string): FileItem[] {
  const [header, ...rows] = csvRecords(text);
  if (!header) throw new Error('the CSV file is empty');
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const store = columns.indexOf('store_code');
  const receipt = columns.indexOf('receipt_no');
  const missing = [store < 0 ? 'store_code' : '', receipt < 0 ? 'receipt_no' : ''].filter(Boolean);
  if (missing.length)
    throw new Error(`the CSV header has no ${missing.join(' or ')} column, so receipts cannot be told apart`);
  const groups = new Map<string, CsvRecord[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.fields[store]?.trim() ?? '', row.fields[receipt]?.trim() ?? '']);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => ({
    line: group[0].line,
    label: `${group[0].fields[store]?.trim() ?? ''}:${group[0].fields[receipt]?.trim() ?? ''}`,
    payload: `${[header.raw, ...group.map((row) => row.raw)].join('\n')}\n`,
  }));
}
