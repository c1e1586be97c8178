const base = require('../jest.config.base.js');

/**
 * `*.serial.e2e.test.ts` suites measure pacing (a subscriber falling behind a
 * stream of events) and need the machine to themselves: the root config
 * leaves them out and `jest.serial.config.js` runs them after, one at a time.
 */
const serial = process.env.SUPPLY_GRAPH_SERIAL_SUITES === '1';

module.exports = {
  ...base,
  displayName: 'e2e',
  testMatch: serial ? ['**/*.serial.e2e.test.ts'] : base.testMatch,
  testPathIgnorePatterns: serial
    ? base.testPathIgnorePatterns
    : [...base.testPathIgnorePatterns, '\\.serial\\.e2e\\.test\\.ts$'],
};
