/** Anything with pg's `query(text, values)`: a pg Client, a pool or a TypeORM runner. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface BulkColumn {
  name: string;
  /** PostgreSQL element type of the parameter array, e.g. `uuid`, `numeric`, `timestamptz`. */
  type: string;
  /**
   * Cast applied per row after unnest, for column types that cannot travel as
   * an array element (`text[]` goes as its text literal and is cast back).
   */
  cast?: string;
}

/**
 * Inserts many rows with one statement per chunk: each column is sent as one
 * typed array and unnested server-side. Seeding tens of thousands of rows
 * takes a handful of round trips instead of one per row.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  chunkSize = 5000,
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.cast ? `${aliases[i]}::${c.cast}` : aliases[i])).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${aliases.join(', ')})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const arrays = columns.map((_, i) => chunk.map((row) => row[i] ?? null));
    await db.query(sql, arrays);
  }
}

/** A JS string array as a PostgreSQL array literal, for `text[]` columns sent through bulkInsert. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}
