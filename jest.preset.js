// Shared jest settings: TypeScript through swc (type-checking is `npm run typecheck`),
// workspace libraries resolved to their public entry (src/index.ts).
const path = require('node:path');
const fs = require('node:fs');

const libs = fs.readdirSync(path.join(__dirname, 'libs'));
const moduleNameMapper = Object.fromEntries(
  libs.map((lib) => [`^@talos/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'))],
  },
  moduleNameMapper,
  setupFiles: [path.join(__dirname, 'jest.setup.js')],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
