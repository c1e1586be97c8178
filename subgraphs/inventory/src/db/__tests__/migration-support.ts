import { createDataSource, createLogger } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { inventorySubgraph } from '../../index';

type Migrations = typeof inventorySubgraph.migrations;

/** A data source on inventory's schema with the given migrations (all of them unless told). */
export const inventoryDataSource = (url: string, migrations: Migrations = inventorySubgraph.migrations): DataSource =>
  createDataSource({
    service: 'inventory-test',
    url,
    schema: 'inventory',
    entities: inventorySubgraph.entities,
    migrations,
    logger: createLogger('inventory-test', 'silent'),
  });

/**
 * Inventory's migrations before the one whose class name starts with `prefix`: the schema of the release before
 * it, for tests of what that migration does to a database an older release filled.
 */
export function migrationsBefore(prefix: string): Migrations {
  const all = inventorySubgraph.migrations as unknown[];
  const at = all.findIndex((m) => (m as { name: string }).name.startsWith(prefix));
  if (at < 0) throw new Error(`no inventory migration named ${prefix}...`);
  return all.slice(0, at) as Migrations;
}
