import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed behind the gateway's entity cache: every transaction that
 * changes a subgraph's data writes one `entity.changed` event to that
 * subgraph's outbox, in the same transaction, so the relay publishes it with
 * the commit and never without it. The gateway drops what it cached from the
 * subgraph when the event arrives.
 *
 * Complete by construction: a statement trigger on every table of the
 * subgraph's schema writes it, whatever code (a resolver, a consumer, a job,
 * a migration, psql) made the change. Domain events alone could not serve:
 * stock adjustments, quota changes and tracking scans without a status change
 * emit none. Only the event machinery's own tables and the audit log (written
 * by every audited read, and read by no entity) are left out; a test checks
 * that every other table has the triggers.
 *
 * One event per transaction (a transaction-local setting remembers it was
 * written; a rolled-back savepoint takes the setting back with its rows), and
 * none for a statement that touched no row. The event names the subgraph, not
 * the rows: the cache is dropped per subgraph, which is always correct and
 * costs one outbox row per writing transaction. Finer invalidation (per type
 * or key) would need each table's readers declared; see the README.
 */

/** Tables whose writes change no answer the gateway caches. */
export const UNCACHED_TABLES: readonly string[] = [
  'migrations',
  'typeorm_metadata',
  'outbox',
  'outbox_pruned',
  'inbox',
  'aggregate_version',
  'consumer_retry',
  'consumer_parked',
  // Written by the audit consumer for every audited read; read only by the `auditEvents` root field.
  'audit_event',
];

export const ENTITY_CHANGED_FUNCTION = 'supply_graph_entity_changed';

/**
 * The function for one schema. Its outbox is named with the schema, so a write from a session with another
 * search path (psql, say) still lands its event there; the flag is per subgraph, as one transaction may write the
 * schemas of several (seeding the embedded database).
 */
const functionSql = (schema: string, subgraph: string) => `CREATE OR REPLACE FUNCTION
  "${schema}".${ENTITY_CHANGED_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF TG_OP <> 'TRUNCATE' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  END IF;
  IF current_setting('supply_graph.changed_${subgraph}', true) IS DISTINCT FROM 'written' THEN
    PERFORM set_config('supply_graph.changed_${subgraph}', 'written', true);
    INSERT INTO "${schema}".outbox (event_id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, source, payload)
    VALUES (gen_random_uuid(), 'entity.changed', 'subgraph', TG_ARGV[0], 0, now(), TG_ARGV[0],
            jsonb_build_object('subgraph', TG_ARGV[0], 'table', TG_TABLE_NAME));
  END IF;
  RETURN NULL;
END $$`;

/** The four statement triggers of one table (a name per event: transition tables need one trigger each). */
export function entityChangeTriggersSql(table: string, subgraph: string): string[] {
  const run = `FOR EACH STATEMENT EXECUTE FUNCTION ${ENTITY_CHANGED_FUNCTION}('${subgraph}')`;
  return [
    `CREATE TRIGGER ${table}_changed_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows ${run}`,
    `CREATE TRIGGER ${table}_changed_upd AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows ${run}`,
    `CREATE TRIGGER ${table}_changed_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows ${run}`,
    `CREATE TRIGGER ${table}_changed_trunc AFTER TRUNCATE ON ${table} ${run}`,
  ];
}

/** The subgraph's tables that must carry the triggers. */
export async function changeTrackedTables(q: {
  query(text: string, values?: unknown[]): Promise<unknown>;
}): Promise<string[]> {
  const rows = (await q.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY 1`,
    [UNCACHED_TABLES],
  )) as { tablename: string }[];
  return rows.map((r) => r.tablename);
}

/**
 * Adds the change feed to a subgraph's schema: the function and the triggers
 * on every table there now. It must stay the subgraph's last migration that
 * creates a table, or a later one must add the triggers to its own tables
 * (`entityChangeTriggersSql`); the subgraphs' tests fail otherwise.
 */
export function entityChangesMigration(timestamp: number, subgraph: string): new () => MigrationInterface {
  const name = `EntityChanges${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      const [{ schema }] = (await q.query('SELECT current_schema() AS schema')) as { schema: string }[];
      await q.query(functionSql(schema, subgraph));
      for (const table of await changeTrackedTables(q))
        for (const sql of entityChangeTriggersSql(table, subgraph)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP FUNCTION ${ENTITY_CHANGED_FUNCTION}() CASCADE`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** The tables of the current schema that lack one of the triggers (for the subgraphs' tests). */
export async function tablesWithoutChangeTriggers(q: {
  query(text: string, values?: unknown[]): Promise<unknown>;
}): Promise<string[]> {
  const rows = (await q.query(
    `SELECT c.relname AS table, count(t.tgname)::int AS triggers
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
        AND t.tgfoid = '${ENTITY_CHANGED_FUNCTION}'::regproc
      WHERE c.relkind IN ('r', 'p') AND NOT (c.relname = ANY($1))
      GROUP BY c.relname`,
    [UNCACHED_TABLES],
  )) as { table: string; triggers: number }[];
  return rows.filter((r) => r.triggers < 4).map((r) => r.table);
}
