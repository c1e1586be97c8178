import { createHash } from 'node:crypto';
import type { DataSource, MixedList } from 'typeorm';
import { closeDataSource, createDataSource, initializeDatabase } from '../db/data-source';
import { createLogger } from '../logging/logger';
import { createTestDatabase, templateDatabase } from './databases';

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
 * It is a copy of the run's template of that schema (`migratedSchemaDatabase`);
 * migrating it again finds nothing to do.
 */
export async function migratedTestDatabase(
  adminUrl: string,
  label: string,
  subgraph: MigratedSubgraph,
): Promise<MigratedDatabase> {
  const database = await migratedSchemaDatabase(adminUrl, label, subgraph);
  const db = subgraphDataSource(database.url, subgraph);
  await initializeDatabase(db, subgraph.name);
  return {
    db,
    async close() {
      await closeDataSource(db);
      await database.drop();
    },
  };
}

/**
 * A fresh database with the subgraph's schema migrated, copied from a template
 * migrated once per run (see `templateDatabase`), for tests that open it their
 * own way; still migrate it as usual (`initializeDatabase`: nothing to do).
 */
export async function migratedSchemaDatabase(adminUrl: string, label: string, subgraph: MigratedSubgraph) {
  const template = await templateDatabase(
    adminUrl,
    `schema_${subgraph.name}_${migrationsKey(subgraph)}`,
    async (url) => {
      const db = subgraphDataSource(url, subgraph);
      try {
        await initializeDatabase(db, subgraph.name);
      } finally {
        await closeDataSource(db);
      }
    },
  );
  return createTestDatabase(adminUrl, label, template);
}

function subgraphDataSource(url: string, subgraph: MigratedSubgraph): DataSource {
  return createDataSource({
    service: `${subgraph.name}-test`,
    url,
    schema: subgraph.name,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    logger: createLogger(`${subgraph.name}-test`, 'silent'),
  });
}

/** Tests may migrate a schema of their own under a subgraph's name (entity-drift): the key tells the lists apart. */
function migrationsKey(subgraph: MigratedSubgraph): string {
  const list = Array.isArray(subgraph.migrations) ? subgraph.migrations : Object.values(subgraph.migrations);
  const text = list.map((m) => (typeof m === 'function' ? `${m.name}:${m.toString()}` : String(m))).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
