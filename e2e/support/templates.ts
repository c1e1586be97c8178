import { loadPlatformConfig, openDatabases, seedAll } from '@supply-graph/platform';
import { createLogger } from '@supply-graph/shared';
import {
  createTestDatabase,
  type TestBackend,
  type TestDatabase,
  templateDatabase,
} from '@supply-graph/shared/testing';

export interface SeedSize {
  customers: number;
  orders: number;
}

/**
 * A fresh database of the backend for a platform or cluster under test: every
 * schema migrated and, unless `size` is null, the demo data of that size
 * loaded, as the platform's own start (or `npm run seed`) would leave it.
 *
 * Migrating and seeding took about a second of CPU per platform start (and
 * per backend), most of a small suite's set-up: here it is done once per run,
 * backend and size, into a template database that every suite of that size
 * copies (see `templateDatabase`). The copy is the database a start finds
 * after loading the demo data, before anything ran on it: no event of the
 * seed has been relayed (the platform starts its relays after seeding, and so
 * it does here, on the copy), and the start finds nothing left to migrate or
 * seed. The data is the same as a seed at start-up would write (the demo data
 * set is a function of its size and the time it is generated), only generated
 * up to a test run's length earlier.
 *
 * New suites: use the sizes of existing ones where they fit (e.g. 30 customers,
 * 60 orders), so they share a template instead of building one of their own.
 */
export async function platformDatabase(
  backend: TestBackend,
  label: string,
  size: SeedSize | null,
): Promise<TestDatabase> {
  const key = size ? `seeded_${size.customers}_${size.orders}` : 'migrated';
  const template = await templateDatabase(backend.adminUrl, key, async (url) => {
    const config = loadPlatformConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const databases = await openDatabases(config, createLogger('test-template', 'silent'));
    try {
      if (size) await seedAll(databases.dataSources, size, () => undefined);
    } finally {
      await databases.close();
    }
  });
  return createTestDatabase(backend.adminUrl, label, template);
}
