import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { CODE_CACHE_MODE_ENV, CODE_CACHE_SUFFIX } from '@talos/constants';

// The loader bundled as the image build bundles it, and a "daemon" bundle that reports what it
// sees of node's module system.
let dir: string;
let loader: string;
let bundle: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-loader-'));
  loader = path.join(dir, 'loader.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'loader.ts')],
    outfile: loader,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    tsconfig: path.join(__dirname, '..', '..', 'tsconfig.base.json'),
    logLevel: 'error',
  });
  fs.mkdirSync(path.join(dir, 'node_modules', 'beside'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'beside', 'index.js'), 'module.exports = "found";');
  bundle = path.join(dir, 'app', 'main.js');
  fs.mkdirSync(path.dirname(bundle));
  fs.writeFileSync(
    bundle,
    [
      '#!/usr/bin/env node',
      'const report = { argv: process.argv.slice(1), file: __filename, main: require.main === module,',
      '  beside: require("beside"), exports: typeof exports };',
      'process.stdout.write(JSON.stringify(report));',
    ].join('\n'),
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(env: Record<string, string> = {}): { out: unknown; stderr: string } {
  const res = spawnSync(process.execPath, [loader, bundle, '--flag', 'x'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(res.status).toBe(0);
  return { out: JSON.parse(res.stdout), stderr: res.stderr };
}

const expected = (): unknown => ({
  argv: [bundle, '--flag', 'x'],
  file: bundle,
  main: true,
  beside: 'found',
  exports: 'object',
});

describe('the bundle loader', () => {
  it('runs a bundle as node would, and writes its code cache on request', () => {
    const cache = bundle + CODE_CACHE_SUFFIX;
    expect(load().out).toEqual(expected());
    expect(fs.existsSync(cache)).toBe(false);
    expect(load({ [CODE_CACHE_MODE_ENV]: 'write' }).out).toEqual(expected());
    expect(fs.statSync(cache).size).toBeGreaterThan(0);
    const cached = load();
    expect(cached.out).toEqual(expected());
    expect(cached.stderr).not.toMatch(/rejected/);
  });

  it('says so and still runs the bundle when the cache does not fit', () => {
    fs.writeFileSync(bundle + CODE_CACHE_SUFFIX, Buffer.alloc(512, 7));
    const res = load();
    expect(res.out).toEqual(expected());
    expect(res.stderr).toMatch(/code cache .*main\.js\.cache rejected/);
  });

  it('refuses to start without a bundle', () => {
    expect(() => execFileSync(process.execPath, [loader], { stdio: 'pipe' })).toThrow(
      /usage: node loader.js/,
    );
  });
});
