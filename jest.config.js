/**
 * `npm test` runs every workspace's suites. Global setup starts one embedded
 * PostgreSQL for the run; suites create their own databases on it and, when
 * DATABASE_URL is set, on that server too.
 */
module.exports = {
  projects: [
    '<rootDir>/shared',
    '<rootDir>/subgraphs/orders',
    '<rootDir>/subgraphs/customers',
    '<rootDir>/subgraphs/inventory',
    '<rootDir>/subgraphs/logistics',
    '<rootDir>/gateway',
    '<rootDir>/platform',
    '<rootDir>/e2e',
  ],
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
  testTimeout: 60_000,
  // Most suites wait on servers, buses and polls rather than compute: on two cores three workers kept them only
  // 1.5 cores busy on average (a clean-clone run: 21.5 CPU-minutes in 14 minutes), so four run at a time.
  maxWorkers: 4,
};
