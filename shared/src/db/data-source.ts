import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SqlLogger } from './sql-logger';
import { cacheFrequentStatements } from './statement-cache';

export interface SubgraphDataSourceOptions {
  /** Service name, used for metrics, logs and the PostgreSQL application_name. */
  service: string;
  url: string;
  /** The PostgreSQL schema this subgraph owns; every table of the subgraph lives in it. */
  schema: string;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  entities: MixedList<Function | string | EntitySchema>;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /**
   * PostgreSQL cancels a statement that runs longer (0: never). It bounds
   * migrations too: raise it for a deployment whose migration rewrites a large table.
   */
  statementTimeoutMs?: number;
  logger: Logger;
}

/**
 * A TypeORM data source scoped to one subgraph's schema. `synchronize` is
 * always off: the schema only changes through migrations.
 */
export function createDataSource(options: SubgraphDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new SqlLogger(options.service, options.logger),
    maxQueryExecutionTime: 1000,
    extra: {
      // Raw SQL in services may name tables unqualified. Prepared statements (the loaders' reads, prepared.ts, and
      // the statements the process runs again and again, statement-cache.ts) keep one generic plan: with custom plans
      // PostgreSQL planned them again at every call (their `bind` was half of a 360 query's time in PostgreSQL); their
      // parameters are keys, key arrays and values to insert, which one plan serves. Statements sent unprepared are
      // planned with their values as before.
      options: `-c search_path=${options.schema} -c plan_cache_mode=force_generic_plan`,
      application_name: `supply-graph-${options.service}`,
      statement_timeout: options.statementTimeoutMs ?? 0,
    },
  });
}

/**
 * Connects, creates the subgraph's schema and applies pending migrations.
 * An advisory lock makes concurrent replicas of one service migrate one at a time.
 */
export async function initializeDatabase(dataSource: DataSource, schema: string): Promise<void> {
  if (!dataSource.isInitialized) {
    await dataSource.initialize();
    const service = dataSource.logger instanceof SqlLogger ? dataSource.logger.service : schema;
    cacheFrequentStatements((dataSource.driver as PostgresDriver).master as Pool, service);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `supply-graph:migrate:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}

/** Slow statements of this data source are logged at debug, not as warnings, until `until` settles. */
export function quietSlowSqlUntil(dataSource: DataSource, until: Promise<unknown>): void {
  if (dataSource.logger instanceof SqlLogger) dataSource.logger.quietUntil(until);
}

/** Closes the data source's pool; pool errors from then on are expected and logged quietly. */
export async function closeDataSource(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) return;
  if (dataSource.logger instanceof SqlLogger) dataSource.logger.closingPool();
  await dataSource.destroy();
}
