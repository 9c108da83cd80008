/** Every suite runs in band: Neo4j Community has one database, shared by the Neo4j suites. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  maxWorkers: 1,
  testTimeout: 60000,
  setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'],
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
