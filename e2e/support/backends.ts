import { describeEachBackend, type TestBackend, testBackends, testConfig } from '@supply-graph/shared/testing';

/**
 * Why an e2e suite starts its platform on one PostgreSQL, not on each: both are PostgreSQL, and what differs
 * between them (the version, 17 embedded and the server's own; the SQL each subgraph sends) is tested by the
 * subgraphs' own suites, which run on both (`describeEachBackend`). An e2e suite asks about the platform
 * through the gateway; a second platform on the other PostgreSQL repeated that at the cost of a sixth of
 * the run, on a CPU-bound two-core CI. The server is the one chosen when there is one: it is how the platform
 * is deployed. The embedded platform of `npm start` keeps its own suites (e2e/start, e2e/graphiql) and runs
 * the in-process bus suites (`describeEachBus`). E2E_BACKENDS=both runs every e2e suite on each.
 */
export const E2E_BACKENDS_NOTE =
  'DATABASE_URL is set: each e2e suite runs its platform on server PostgreSQL only (its embedded block is listed ' +
  'as skipped; E2E_BACKENDS=both runs both); the subgraph suites run on both.';

/**
 * `describe` a suite of the whole platform on the run's PostgreSQL (see above); the other one's block is
 * registered as skipped, saying why in its title.
 */
export function describePlatformSuite(title: string, body: (backend: TestBackend) => void): void {
  const server = testBackends().find((b) => b.backend.name === 'server' && !b.skip);
  if (!server || testConfig.e2eBackends() === 'both') {
    describeEachBackend(title, body);
    return;
  }
  const embedded = testBackends().find((b) => b.backend.name === 'embedded')!;
  describe.skip(`${title} [embedded PostgreSQL: skipped, e2e suites run on the server; E2E_BACKENDS=both]`, () =>
    body(embedded.backend));
  describe(`${title} [server PostgreSQL]`, () => body(server.backend));
}
