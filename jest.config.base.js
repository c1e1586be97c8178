/**
 * Shared Jest settings; each workspace's jest.config.js extends this with a
 * displayName. Test files are TypeScript compiled by ts-jest (transpile only:
 * `npm test` type-checks the project with `tsc -b` first); the code under
 * test is the workspaces' built `dist/`, as it runs in production.
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: require('node:path').join(__dirname, 'tsconfig.jest.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/__tests__/**/*.test.ts', '**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
