#!/usr/bin/env node
// Bundles one app (apps/<daemon> or tools/talosctl) into dist/<dir>/main.js: one file per process,
// so that a node start reads one file (fast from a squashfs) and the image carries no node_modules.
// koffi carries a native addon and stays external; the image ships its package beside the bundles.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: bundle.mjs <project dir>, e.g. apps/apid');
  process.exit(2);
}

await build({
  entryPoints: [path.join(root, dir, 'src', 'main.ts')],
  outfile: path.join(root, 'dist', dir, 'main.js'),
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
  banner: { js: dir.startsWith('tools/') ? '#!/usr/bin/env node' : '' },
  logLevel: 'warning',
  legalComments: 'none',
});

// grpc-health-check and @grpc/reflection read their .proto files at run time from
// `<module dir>/../../proto`; bundled, that is `<bundle dir>/../../proto` (dist/proto here,
// /usr/lib/talos/proto in the image, beside apps/ and tools/). Ship them there.
const protoDir = path.resolve(path.dirname(path.join(root, 'dist', dir, 'main.js')), '..', '..', 'proto');
for (const src of [
  'node_modules/grpc-health-check/proto',
  'node_modules/@grpc/reflection/build/proto/grpc',
]) {
  fs.cpSync(path.join(root, src), path.join(protoDir, src.endsWith('/grpc') ? 'grpc' : ''), {
    recursive: true,
  });
}
