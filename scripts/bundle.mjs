#!/usr/bin/env node
// Bundles one app (apps/<daemon> or tools/talosctl) into dist/<dir>/main.js: one file per process,
// so that a node start reads one file (fast from a squashfs) and the image carries no node_modules.
// Other entries (benchmarks) name their entry (relative to the project) and output (relative to the
// workspace): `bundle.mjs bench src/api.ts dist/bench/api/main.js`.
// koffi carries a native addon and stays external; the image ships its package beside the bundles.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, entry = path.join('src', 'main.ts'), out = path.join('dist', dir ?? '', 'main.js')] =
  process.argv.slice(2);
if (!dir) {
  console.error('usage: bundle.mjs <project dir> [entry] [outfile], e.g. apps/apid');
  process.exit(2);
}
const outfile = path.join(root, out);

function git(...args) {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}
const sha = git('rev-parse', '--short=12', 'HEAD') || 'unknown';
const built = git('log', '-1', '--format=%cI') || '';

// A daemon runs as PID 1 of its container, where the kernel ignores a signal the process has no
// handler for. runDaemon sets its handlers, but only once the bundle's top level has run (seconds
// under emulation): until then a stop would wait out the runner's grace period and end in SIGKILL.
// So the first statement of a daemon's bundle makes SIGTERM and SIGINT end it while they have no
// other handler. Not machined's: as the machine's PID 1 it must never exit.
const EARLY_SIGNALS =
  '"use strict";' +
  "for(const s of['SIGTERM','SIGINT'])process.on(s,()=>{if(process.listenerCount(s)===1)process.exit(0)});";
const banner = dir.startsWith('tools/')
  ? '#!/usr/bin/env node'
  : dir.startsWith('apps/') && dir !== 'apps/machined'
    ? EARLY_SIGNALS
    : '';

await build({
  entryPoints: [path.join(root, dir, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  tsconfig: path.join(root, 'tsconfig.base.json'),
  external: ['koffi'],
  define: { __TALOS_BUILD_SHA__: JSON.stringify(sha), __TALOS_BUILD_TIME__: JSON.stringify(built) },
  banner: { js: banner },
  logLevel: 'warning',
  legalComments: 'none',
});

// @grpc/reflection reads its .proto files on the first reflection call, from
// `<module dir>/../../proto`; bundled, that is `<bundle dir>/../../proto` (dist/proto here,
// /usr/lib/talos/proto in the image, beside apps/ and tools/). Ship them there. (grpc.health.v1
// needs none: its messages are generated into libs/api.) nx builds bundles in parallel, each
// copying the same files: a copy that loses a race for a folder's mkdir fails with EEXIST, and the
// next try finds the folder there.
for (let attempt = 1; ; attempt++) {
  try {
    fs.cpSync(
      path.join(root, 'node_modules/@grpc/reflection/build/proto/grpc'),
      path.resolve(path.dirname(outfile), '..', '..', 'proto', 'grpc'),
      { recursive: true },
    );
    break;
  } catch (err) {
    if (err.code !== 'EEXIST' || attempt === 5) throw err;
  }
}
