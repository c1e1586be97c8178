import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_TABLES_SQL } from './outbox';

/**
 * The outbox/inbox migration, the same in every subgraph's schema. A factory
 * rather than four copies; each subgraph registers it with its own timestamp.
 */
export function eventTablesMigration(timestamp: number): new () => MigrationInterface {
  const name = `EventTables${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of EVENT_TABLES_SQL) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('DROP TABLE inbox');
      await q.query('DROP TABLE outbox');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * Adds `outbox.traceparent`: the W3C trace context an event was written in
 * (OpenTelemetry), null when tracing was off. Each subgraph registers it with
 * its own timestamp.
 */
export function outboxTraceMigration(timestamp: number): new () => MigrationInterface {
  const name = `OutboxTrace${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE outbox ADD COLUMN traceparent text');
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE outbox DROP COLUMN traceparent');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
