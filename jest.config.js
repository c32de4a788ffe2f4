// Unit tests: every *.spec.ts beside the code in apps/, libs/ and tools/.
// Suites that start clusters live in tests/e2e (their own jest config).
module.exports = {
  ...require('./jest.preset.js'),
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/{apps,libs,tools}/*/src/**/*.spec.ts',
    '<rootDir>/bench/src/**/*.spec.ts',
    '<rootDir>/image/src/**/*.spec.ts',
  ],
};
