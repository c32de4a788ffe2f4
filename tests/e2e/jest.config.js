// End-to-end suites: real process clusters driven through the talosctl bundle, the way an operator
// drives them (talosctl -> apid -> routerd -> daemon). Needs `nx run-many -t build` first.
const path = require('node:path');
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: path.join(__dirname, '..', '..'),
  testMatch: ['<rootDir>/tests/e2e/src/**/*.e2e.ts'],
  testTimeout: 120000,
};
