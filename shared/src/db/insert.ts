import { returnedRows } from './query-result';

/** Anything with pg's `query(text, values)`: a pg Client, a pool or a TypeORM runner. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface InsertOptions {
  /**
   * Columns PostgreSQL computes for every row, each as an SQL expression
   * (`{ created_at: 'now()' }`): the database's clock, not this process's.
   */
  computed?: Readonly<Record<string, string>>;
  /** What to do with a row that conflicts: `ON CONFLICT <onConflict>`, e.g. `(id) DO NOTHING`. */
  onConflict?: string;
  /** What to return of each row written: `RETURNING <returning>`, e.g. `id`. */
  returning?: string;
}

/** The statement's end: ON CONFLICT and RETURNING clauses, if any. */
const clauses = (options: InsertOptions) =>
  (options.onConflict ? ` ON CONFLICT ${options.onConflict}` : '') +
  (options.returning ? ` RETURNING ${options.returning}` : '');

/**
 * The PostgreSQL type each column's values travel as, one typed array per
 * column (`uuid`, `int`, `numeric`, `timestamptz`, `jsonb`). A column whose
 * values are arrays cannot travel as array elements: send each as its text
 * literal (`pgTextArray`) and cast it back, `{ type: 'text', cast: 'text[]' }`.
 */
export type ColumnTypes<Row> = { readonly [Column in keyof Row]-?: string | { type: string; cast: string } };

const quoted = (column: string) => `"${column}"`;

/**
 * Inserts one row named by its columns: `INSERT INTO table ("a", "b")
 * VALUES ($1, $2)`, the keys of `row` being the column names and their values
 * the parameters, so no list of placeholders has to line up with a list of
 * values. A column left out of `row` gets its default (`undefined` goes in as
 * NULL, as pg sends it). The table's interface must be given as `Row`:
 * `insertRow<SalesOrderInsert>(db, 'sales_order', {...})`. Returns the rows
 * of `returning`, if asked for.
 */
export async function insertRow<Row extends object = never, Returned = never>(
  db: Queryable,
  table: string,
  row: NoInfer<Row>,
  options: InsertOptions = {},
): Promise<Returned[]> {
  const columns = Object.keys(row);
  const values = Object.values(row);
  const computed = Object.entries(options.computed ?? {});
  const names = [...columns, ...computed.map(([column]) => column)].map(quoted).join(', ');
  const placeholders = [...values.map((_, i) => `$${i + 1}`), ...computed.map(([, sql]) => sql)].join(', ');
  return returnedRows<Returned>(
    await db.query(`INSERT INTO ${table} (${names}) VALUES (${placeholders})${clauses(options)}`, values),
  );
}

/**
 * Inserts many rows with one statement per chunk: each column goes as one
 * typed array, unnested server-side, so a thousand rows cost one round trip
 * and the statement text stays the same whatever their number. The rows are
 * objects keyed by column name; `types` must name exactly their columns (a
 * value missing from a row goes in as NULL, not the default). Nothing is sent
 * for no rows. Returns the rows of `returning`, if asked for, of every chunk.
 */
export async function insertRows<Row extends object, Returned = never>(
  db: Queryable,
  table: string,
  types: ColumnTypes<NoInfer<Row>>,
  rows: readonly Row[],
  options: InsertOptions & { chunkSize?: number } = {},
): Promise<Returned[]> {
  const columns = Object.keys(types) as (keyof Row & string)[];
  const computed = Object.entries(options.computed ?? {});
  const names = [...columns, ...computed.map(([column]) => column)].map(quoted).join(', ');
  const typeOf = (column: keyof Row) => types[column];
  const params = columns.map((c, i) => {
    const type = typeOf(c);
    return `$${i + 1}::${typeof type === 'string' ? type : type.type}[]`;
  });
  const select = [
    ...columns.map((c) => {
      const type = typeOf(c);
      return typeof type === 'string' ? `t.${quoted(c)}` : `t.${quoted(c)}::${type.cast}`;
    }),
    ...computed.map(([, sql]) => sql),
  ].join(', ');
  const sql =
    `INSERT INTO ${table} (${names}) SELECT ${select} ` +
    `FROM unnest(${params.join(', ')}) AS t(${columns.map(quoted).join(', ')})${clauses(options)}`;
  const chunkSize = options.chunkSize ?? 5000;
  const returned: Returned[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const arrays = columns.map((c) => chunk.map((row) => row[c] ?? null));
    returned.push(...returnedRows<Returned>(await db.query(sql, arrays)));
  }
  return returned;
}

/** A JS string array as a PostgreSQL array literal, for `text[]` columns sent through insertRows. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}
