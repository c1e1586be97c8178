import type { DataSource, MixedList } from 'typeorm';
import { closeDataSource, createDataSource, initializeDatabase } from '../db/data-source';
import { createLogger } from '../logging/logger';
import { createTestDatabase } from './databases';

/** What a subgraph's integration tests need of it: its tables. */
export interface MigratedSubgraph {
  name: string;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  entities: MixedList<Function>;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as `Function`.
  migrations: MixedList<Function>;
}

export interface MigratedDatabase {
  db: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh database on the backend's cluster with one subgraph's schema
 * migrated into it, for integration tests that call a service or job directly.
 */
export async function migratedTestDatabase(
  adminUrl: string,
  label: string,
  subgraph: MigratedSubgraph,
): Promise<MigratedDatabase> {
  const database = await createTestDatabase(adminUrl, label);
  const db = createDataSource({
    service: `${subgraph.name}-test`,
    url: database.url,
    schema: subgraph.name,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    logger: createLogger(`${subgraph.name}-test`, 'silent'),
  });
  await initializeDatabase(db, subgraph.name);
  return {
    db,
    async close() {
      await closeDataSource(db);
      await database.drop();
    },
  };
}
