/**
 * The second half of `npm test`: the e2e suites that need the machine to
 * themselves (`*.serial.e2e.test.ts`, see e2e/jest.config.js), one at a time.
 */
process.env.SUPPLY_GRAPH_SERIAL_SUITES = '1';
const root = require('./jest.config.js');

module.exports = { ...root, projects: ['<rootDir>/e2e'], maxWorkers: 1 };
