import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';

/**
 * A read on a hot path (the loaders behind every `_entities` fetch of the
 * 360 view) as a named, prepared statement. PostgreSQL parses and plans it
 * once per connection instead of on every call, and no query builder or
 * entity transformer runs in Node: measured on the 360 query, TypeORM's
 * `find` path (building the SQL, mapping rows to entities) was the largest
 * share of the subgraphs' CPU after graphql-js. The statement names its
 * columns as the row type's properties (`warehouse_id AS "warehouseId"`),
 * so its rows are the row type as they come.
 */
export interface PreparedRead<Row> {
  /** Unique within the subgraph: pg keeps one prepared statement per name and connection. */
  readonly name: string;
  readonly text: string;
  /** Carries the row type; never set. */
  readonly row?: Row;
}

const names = new Map<string, string>();

/** Declares a prepared read; a name given twice to different SQL fails at once, not on some connection later. */
export function preparedRead<Row>(name: string, text: string): PreparedRead<Row> {
  const sql = text.trim();
  const known = names.get(name);
  if (known !== undefined && known !== sql) throw new Error(`prepared read ${name} is declared twice`);
  names.set(name, sql);
  return { name, text: sql };
}

/**
 * Runs a prepared read on the data source's pool. It goes through the data
 * source's logger as TypeORM's own statements do: counted per service, not
 * sent once the request is past its deadline, slow and failed ones logged
 * without their parameters; a failure is TypeORM's QueryFailedError, so it
 * maps to the same GraphQL error as any other.
 */
export function readRows<Row>(db: DataSource, read: PreparedRead<Row>, values: unknown[]): Promise<Row[]> {
  return run<Row>(db, read.name, read.text, values);
}

/** Texts of the reads built at run time (filters), each with the name it is prepared under. */
const built = new Map<string, string>();
/** Distinct built texts prepared at most; past it a text runs unprepared (PostgreSQL keeps each one per connection). */
const BUILT_LIMIT = 500;

/**
 * A read whose text is built per call from the arguments (a list with optional
 * filters): prepared under a name of its own per distinct text, so the common
 * shapes are parsed and planned once per connection too.
 */
export function readBuiltRows<Row>(db: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  let name = built.get(text);
  if (name === undefined && built.size < BUILT_LIMIT) {
    name = `built-${built.size + 1}`;
    built.set(text, name);
  }
  return run<Row>(db, name, text, values);
}

async function run<Row>(db: DataSource, name: string | undefined, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  // As TypeORM does: the connection first, so a statement that waited for one past the deadline is not sent.
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    db.logger.logQuery(text, values);
    const started = Date.now();
    const result = await client.query({ name, text, values }).catch((err: Error) => {
      // An error PostgreSQL did not send (no SQLSTATE) may have left the connection unusable: the pool drops it.
      if (!(err as { code?: unknown }).code) broken = err;
      db.logger.logQueryError(err, text, values);
      throw new QueryFailedError(text, values, err);
    });
    const ms = Date.now() - started;
    const slowMs = db.options.maxQueryExecutionTime;
    if (slowMs && ms > slowMs) db.logger.logQuerySlow(ms, text, values);
    return result.rows as Row[];
  } finally {
    client.release(broken);
  }
}
