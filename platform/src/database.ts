import {
  closeDataSource,
  createDataSource,
  initializeDatabase,
  quietSlowSqlUntil,
  startEmbeddedPostgres,
  type Logger,
  type RunningPostgres,
} from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import type { PlatformConfig } from './config';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface OpenDatabases {
  url: string;
  dataSources: Record<SubgraphName, DataSource>;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL (embedded unless DATABASE_URL is set) and migrates
 * every subgraph's schema, without serving anything: for command-line tools.
 */
export async function openDatabases(config: PlatformConfig, logger: Logger): Promise<OpenDatabases> {
  let postgres: RunningPostgres | null = null;
  let url = config.platform.databaseUrl;
  // Tools load or read in bulk: a long statement is what they are for, not worth a warning.
  let closed = () => {};
  const closing = new Promise<void>((resolve) => {
    closed = resolve;
  });
  if (!url) {
    postgres = await startEmbeddedPostgres({
      dataDir: `${config.platform.dataDir}/pg`,
      port: config.platform.embeddedPgPort,
      database: 'supply_graph',
      logger,
    });
    url = postgres.url;
  }
  const entries = await Promise.all(
    SUBGRAPHS.map(async ({ name, definition }) => {
      const sub = config.subgraphs[name];
      const ds = createDataSource({
        service: name,
        url: url!,
        schema: sub.dbSchema,
        entities: definition.entities,
        migrations: definition.migrations,
        logger,
      });
      quietSlowSqlUntil(ds, closing);
      await initializeDatabase(ds, sub.dbSchema);
      return [name, ds] as const;
    }),
  );
  const dataSources = Object.fromEntries(entries) as Record<SubgraphName, DataSource>;
  return {
    url,
    dataSources,
    async close() {
      closed();
      await Promise.all(entries.map(([, ds]) => closeDataSource(ds)));
      await postgres?.stop();
    },
  };
}
