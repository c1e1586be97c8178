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
  // Most suites wait on servers, buses and polls rather than compute: three at a time keep both cores busy
  // (on two cores, with other work on the machine: two workers took 13.3 min, three 12 min).
  maxWorkers: 3,
};
