// The benchmark's own arithmetic (histogram percentiles); the benchmark itself is `nx run bench:api`.
const path = require('node:path');
module.exports = {
  ...require('../jest.preset.js'),
  rootDir: path.join(__dirname, '..'),
  testMatch: ['<rootDir>/bench/src/**/*.spec.ts'],
};
