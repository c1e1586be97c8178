import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retry queue and the dead letters of a service's consumers, the same in
 * every subgraph's schema (like the inbox).
 *
 * `consumer_retry`: events a consumer failed on, and the later events of the
 * same aggregate that wait behind them (`lane`), in arrival order (`id`).
 * `attempts` counts the handler's own failures (EVENT_MAX_ATTEMPTS parks the
 * event), `transient_failures` those of the infrastructure (never parked).
 *
 * `consumer_parked`: events given up on, with everything needed to run them
 * again; their ids are in the inbox, so a redelivery changes nothing.
 */
export const RETRY_TABLES_SQL = [
  `CREATE TABLE consumer_retry (
     id bigserial PRIMARY KEY,
     consumer text NOT NULL,
     event_id uuid NOT NULL,
     lane text NOT NULL,
     event jsonb NOT NULL,
     attempts int NOT NULL DEFAULT 0,
     transient_failures int NOT NULL DEFAULT 0,
     last_error text,
     next_attempt_at timestamptz NOT NULL DEFAULT now(),
     queued_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (consumer, event_id)
   )`,
  'CREATE INDEX ix_consumer_retry_lane ON consumer_retry (consumer, lane, id)',
  'CREATE INDEX ix_consumer_retry_due ON consumer_retry (next_attempt_at)',
  `CREATE TABLE consumer_parked (
     consumer text NOT NULL,
     event_id uuid NOT NULL,
     event jsonb NOT NULL,
     error text NOT NULL,
     attempts int NOT NULL,
     status text NOT NULL DEFAULT 'PARKED' CHECK (status IN ('PARKED', 'RETRIED', 'FAILED_AGAIN')),
     parked_at timestamptz NOT NULL DEFAULT now(),
     retried_at timestamptz,
     version int NOT NULL DEFAULT 1,
     PRIMARY KEY (consumer, event_id)
   )`,
];

/** Adds the retry queue and dead-letter tables; each subgraph registers it with its own timestamp. */
export function consumerRetryMigration(timestamp: number): new () => MigrationInterface {
  const name = `ConsumerRetry${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of RETRY_TABLES_SQL) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('DROP TABLE consumer_parked');
      await q.query('DROP TABLE consumer_retry');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
