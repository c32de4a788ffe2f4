// Runs a daemon bundle with V8's code cache: `node [Node flags] loader.js <bundle> [args...]`.
// Under software emulation a Node start spends seconds compiling its bundle; the cache
// (`<bundle>.cache`, written at image build by the node binary the image ships, see
// code-cache.ts) lets V8 skip that. The bundle runs as node would run it (argv, require, module);
// without a usable cache it is compiled as usual: a stale cache costs time, never correctness.
import * as fs from 'node:fs';
import { Module, createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { CODE_CACHE_MODE_ENV, CODE_CACHE_SUFFIX, NodePaths, PROC_CMDLINE_PATH } from '@talos/constants';
import { cpuProfileSeconds, startCpuProfile } from './cpu-profile';

/** What node's own CommonJS loader does for a main module, and TypeScript's types leave out. */
interface NodeModule extends Module {
  filename: string;
  paths: string[];
  loaded: boolean;
}
type ModuleStatics = typeof Module & {
  new (id: string, parent: null): NodeModule;
  wrap(source: string): string;
  _nodeModulePaths(dir: string): string[];
};

function main(): void {
  const given = process.argv[2];
  if (!given) {
    process.stderr.write('usage: node loader.js <bundle.js> [args...]\n');
    process.exit(2);
  }
  const bundle = path.resolve(given);
  profileIfAsked(path.basename(path.dirname(bundle)));
  // The bundle becomes argv[1], as if node had been started on it.
  process.argv.splice(1, 1);

  const cacheFile = bundle + CODE_CACHE_SUFFIX;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compiled as usual
  }
  // A hashbang is only valid at the very start of a file, not inside the module wrapper.
  const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const Mod = Module as ModuleStatics;
  const script = new vm.Script(Mod.wrap(source), { filename: bundle, cachedData });
  if (cachedData && script.cachedDataRejected) {
    process.emitWarning(`code cache ${cacheFile} rejected (another node binary, V8 flags or bundle)`);
  }
  if (process.env[CODE_CACHE_MODE_ENV] === 'write') {
    // At exit the cache holds every function compiled so far, not just the top level.
    process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData(), { mode: 0o644 }));
  }

  const mod = new Mod(bundle, null);
  mod.filename = bundle;
  mod.paths = Mod._nodeModulePaths(path.dirname(bundle));
  mod.loaded = true;
  process.mainModule = mod;
  const req = createRequire(bundle);
  req.main = mod;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, req, mod, bundle, path.dirname(bundle));
}

/** `talos.cpuprofile=<seconds>` (cpu-profile.ts): profiles this process, named by its bundle's folder. */
function profileIfAsked(name: string): void {
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(PROC_CMDLINE_PATH, 'utf8');
  } catch {
    return;
  }
  const seconds = cpuProfileSeconds(cmdline);
  if (seconds !== undefined) startCpuProfile(new NodePaths('/').cpuProfile(name), seconds);
}

main();
