import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { SqlExecutor } from './outbox';

/**
 * The next version of an aggregate whose state lives in no row of its own
 * (inventory's view of an order, a shipment's events), so its events can be
 * numbered 1, 2, 3... and consumers can check their order. One upsert: the row
 * lock serialises writers of one aggregate, and the cost does not grow with
 * the outbox as counting its rows did. `first` is the version of an aggregate
 * not counted here yet (2 when its creation event went out as version 1).
 */
export async function nextAggregateVersion(
  db: SqlExecutor,
  aggregateType: string,
  aggregateId: string,
  first = 1,
): Promise<number> {
  const rows = (await db.query(
    `INSERT INTO aggregate_version (aggregate_type, aggregate_id, version) VALUES ($1, $2, $3)
     ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET version = aggregate_version.version + 1
     RETURNING version`,
    [aggregateType, aggregateId, first],
  )) as { version: number }[];
  return rows[0].version;
}

/** Adds the version table to a subgraph's schema, carrying on from the events already in its outbox. */
export function aggregateVersionsMigration(timestamp: number): new () => MigrationInterface {
  const name = `AggregateVersions${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE aggregate_version (
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        version int NOT NULL,
        PRIMARY KEY (aggregate_type, aggregate_id)
      )`);
      await q.query(`INSERT INTO aggregate_version (aggregate_type, aggregate_id, version)
        SELECT aggregate_type, aggregate_id, max(aggregate_version) FROM outbox GROUP BY aggregate_type, aggregate_id`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('DROP TABLE aggregate_version');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
