import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { tablesWithoutChangeTriggers } from '../events/entity-changes';
import { testBackends } from './backends';
import { migratedTestDatabase, type MigratedDatabase, type MigratedSubgraph } from './migrated-database';

/**
 * Tables shared/src/events adds to a subgraph (outbox, inbox, retry queue,
 * parked events, aggregate versions; not every subgraph has all of them):
 * SQL-only everywhere, as the event path writes them with set-based SQL.
 */
const EVENT_TABLES: readonly string[] = [
  'outbox',
  'outbox_pruned',
  'inbox',
  'consumer_retry',
  'consumer_parked',
  'aggregate_version',
];

interface TableColumn {
  table: string;
  column: string;
  /** The type as PostgreSQL names it, without modifiers: `integer`, `text[]`, `timestamp with time zone`. */
  type: string;
  nullable: boolean;
  length: number | null;
  precision: number | null;
  scale: number | null;
  datetimePrecision: number | null;
}

/** What a migrated schema says of every table in it. */
async function tableColumns(db: DataSource, schema: string): Promise<Map<string, Map<string, TableColumn>>> {
  const rows = (await db.query(
    `SELECT c.table_name AS "table", c.column_name AS "column",
            (quote_ident(c.udt_schema) || '.' || quote_ident(c.udt_name))::regtype::text AS type,
            c.is_nullable = 'YES' AS nullable, c.character_maximum_length AS length,
            c.numeric_precision AS precision, c.numeric_scale AS scale, c.datetime_precision AS "datetimePrecision"
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'`,
    [schema],
  )) as TableColumn[];
  const tables = new Map<string, Map<string, TableColumn>>();
  for (const row of rows) {
    const columns = tables.get(row.table) ?? new Map<string, TableColumn>();
    columns.set(row.column, row);
    tables.set(row.table, columns);
  }
  return tables;
}

/** The column's type as `tableColumns` reports it, where TypeORM's name for it maps onto one. */
function expectedType(db: DataSource, column: ColumnMetadata): string {
  const base = db.driver.normalizeType(column);
  return column.isArray ? `${base}[]` : base;
}

function columnDrift(db: DataSource, where: string, column: ColumnMetadata, actual: TableColumn): string[] {
  const drift: string[] = [];
  const type = expectedType(db, column);
  if (type !== actual.type) drift.push(`${where}: the entity says ${type}, the table has ${actual.type}`);
  if (column.isNullable !== actual.nullable) {
    const say = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL');
    drift.push(`${where}: the entity says ${say(column.isNullable)}, the table has ${say(actual.nullable)}`);
  }
  const numeric = type === 'numeric';
  const temporal = /^(timestamp|time) /.test(type);
  const modifiers: [string, unknown, number | null][] = [
    ['length', column.length ? Number(column.length) : null, actual.length],
    ['precision', numeric ? column.precision : null, actual.precision],
    ['scale', numeric ? column.scale : null, actual.scale],
    ['precision', temporal ? column.precision : null, actual.datetimePrecision],
  ];
  for (const [name, stated, has] of modifiers) {
    if (stated !== null && stated !== undefined && stated !== has) {
      drift.push(`${where}: the entity says ${name} ${stated}, the table has ${has}`);
    }
  }
  return drift;
}

/**
 * Where the data source's entities and the migrated schema disagree: a table
 * an entity maps that does not exist, a column on one side only, or a column
 * whose type, nullability, length, precision or scale differ. Empty when they
 * match. A table no entity maps must be in `sqlOnly` (the subgraph's own
 * tables it reads and writes with SQL alone) or be one of the event tables,
 * so a new table is either mapped or declared SQL-only. TypeORM's migrations
 * table is left out.
 */
export async function entityDrift(db: DataSource, schema: string, sqlOnly: readonly string[]): Promise<string[]> {
  const tables = await tableColumns(db, schema);
  tables.delete(db.options.migrationsTableName ?? 'migrations');
  const drift: string[] = [];
  const mapped = new Set<string>();
  for (const entity of db.entityMetadatas) {
    const table = entity.tableName;
    mapped.add(table);
    const actual = tables.get(table);
    if (!actual) {
      drift.push(`${entity.name}: table ${schema}.${table} does not exist`);
      continue;
    }
    const seen = new Set<string>();
    for (const column of entity.columns) {
      if (seen.has(column.databaseName)) continue;
      seen.add(column.databaseName);
      const where = `${entity.name}.${column.propertyPath} (${table}.${column.databaseName})`;
      const has = actual.get(column.databaseName);
      if (!has) drift.push(`${where}: the table has no such column`);
      else drift.push(...columnDrift(db, where, column, has));
    }
    for (const name of actual.keys()) {
      if (!seen.has(name)) drift.push(`${entity.name}: column ${table}.${name} has no property in the entity`);
    }
  }
  for (const table of tables.keys()) {
    if (mapped.has(table)) {
      if (sqlOnly.includes(table)) drift.push(`table ${table} is declared SQL-only but an entity maps it`);
    } else if (!sqlOnly.includes(table) && !EVENT_TABLES.includes(table)) {
      drift.push(`table ${table} has no entity and is not declared SQL-only`);
    }
  }
  for (const table of sqlOnly) {
    if (!tables.has(table)) drift.push(`table ${table} is declared SQL-only but does not exist`);
  }
  return drift.sort();
}

/**
 * Registers a suite that migrates a fresh database with the subgraph's
 * migrations and fails naming every drift `entityDrift` finds between its
 * entities and the tables.
 */
export function describeEntitiesMatchTables(subgraph: MigratedSubgraph, sqlOnly: readonly string[]): void {
  describe(`${subgraph.name}: every entity matches its migrated table`, () => {
    let database: MigratedDatabase;
    beforeAll(async () => {
      const [{ backend }] = testBackends();
      database = await migratedTestDatabase(backend.adminUrl, `${subgraph.name}_entities`, subgraph);
    });
    afterAll(() => database?.close());

    it('maps every column of each entity table with its type and nullability; other tables are SQL-only', async () => {
      expect(await entityDrift(database.db, subgraph.name, sqlOnly)).toEqual([]);
    });

    // The gateway's entity cache is dropped on the change feed: a table without the triggers would leave it stale.
    it('writes to the change feed from every table but the event and audit bookkeeping', async () => {
      expect(await tablesWithoutChangeTriggers(database.db)).toEqual([]);
    });
  });
}
