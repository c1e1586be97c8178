/**
 * What `query()` answers comes in three shapes: TypeORM gives `[rows, rowCount]`
 * for UPDATE and DELETE and the bare rows for every other statement, and pg
 * (a Client or Pool) gives `{ rows, rowCount }`. These two functions read any
 * of them, so no caller has to know which statement got which shape.
 */

function isTypeOrmCount(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

function isPgResult(result: unknown): result is { rows: unknown[]; rowCount: number | null } {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'rowCount' in result;
}

/**
 * The rows an UPDATE or DELETE changed. Throws for a result that carries no
 * count (TypeORM keeps it only for UPDATE and DELETE): count an INSERT's rows
 * with `RETURNING` and `returnedRows(result).length`.
 */
export function affectedRows(result: unknown): number {
  if (isTypeOrmCount(result)) return result[1];
  if (isPgResult(result)) return result.rowCount ?? 0;
  throw new Error('affectedRows: this result carries no row count (only UPDATE and DELETE results do)');
}

/** The rows a statement returned: a SELECT's, or those of `RETURNING` in an INSERT, UPDATE or DELETE. */
export function returnedRows<T>(result: unknown): T[] {
  if (isTypeOrmCount(result)) return result[0] as T[];
  if (isPgResult(result)) return result.rows as T[];
  if (Array.isArray(result)) return result as T[];
  throw new Error('returnedRows: not a query result');
}
