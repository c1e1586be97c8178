import type { TestBackend } from './databases';
import { testConfig } from './config';

export const SERVER_SUITES_NOTE =
  'DATABASE_URL is not set: the [server PostgreSQL] suites are SKIPPED; every suite ran on embedded PostgreSQL. ' +
  'Set DATABASE_URL=postgres://... to run them too.';

/** The backends to run database suites on: always embedded, plus the server when configured. */
export function testBackends(): { backend: TestBackend; skip: boolean }[] {
  const embedded = testConfig.embeddedUrl();
  if (!embedded) throw new Error('embedded PostgreSQL is not running: run the suites through the root jest config');
  const server = testConfig.serverDatabaseUrl();
  return [
    { backend: { name: 'embedded', adminUrl: embedded }, skip: false },
    { backend: { name: 'server', adminUrl: server ?? '' }, skip: !server },
  ];
}

/**
 * `describe` once per backend. The server block is registered as skipped,
 * and says so in its title, when DATABASE_URL is not set.
 */
export function describeEachBackend(title: string, body: (backend: TestBackend) => void): void {
  for (const { backend, skip } of testBackends()) {
    const label = backend.name === 'embedded' ? 'embedded PostgreSQL' : 'server PostgreSQL';
    if (skip) describe.skip(`${title} [${label}: skipped, DATABASE_URL not set]`, () => body(backend));
    else describe(`${title} [${label}]`, () => body(backend));
  }
}
