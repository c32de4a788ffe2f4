// `image build [--out DIR] [--key FILE] [--no-bundle]` and `image verify [DIR] [--pubkey FILE]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_IMAGE_DIR, IMAGE_DEV_SIGNING_KEY } from '@talos/constants';
import { buildImage } from './build';
import { verifyImage } from './manifest';
import { resolveSigningKey } from './signing-key';

/** The checkout this CLI runs from (dist/image/cli/main.js bundled, image/src/main.ts under swc). */
function findWorkspace(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no workspace (nx.json) above ${from}`);
  }
}

const workspace = findWorkspace(__dirname);
const log = (msg: string): void => {
  process.stderr.write(`image: ${msg}\n`);
};

const program = new Command('image').description('build and verify the node image');

program
  .command('build')
  .description('build vmlinuz, initramfs.img, rootfs.sqsh and the signed manifest')
  .option('--out <dir>', 'output folder', path.join(workspace, DEFAULT_IMAGE_DIR))
  .option('--key <file>', 'PEM ed25519 private key to sign with')
  .option('--no-bundle', 'use dist/apps as it is instead of bundling the daemons first')
  .action(async (opts: { out: string; key?: string; bundle: boolean }) => {
    const started = Date.now();
    const signingKey = resolveSigningKey({
      keyFile: opts.key,
      devKeyFile: path.join(workspace, IMAGE_DEV_SIGNING_KEY),
    });
    const outDir = path.resolve(opts.out);
    const { manifest } = await buildImage({ workspace, outDir, signingKey, bundle: opts.bundle, log });
    for (const [name, a] of Object.entries(manifest.artifacts)) {
      log(`${name}: ${(a.size / 1024 / 1024).toFixed(1)} MiB sha256 ${a.sha256}`);
    }
    log(`built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

program
  .command('verify')
  .description("check the manifest's signature and every artifact's size and sha256")
  .argument('[dir]', 'image folder', path.join(workspace, DEFAULT_IMAGE_DIR))
  .option('--pubkey <file>', 'public key to verify with (default: the folder signing.pub)')
  .action(async (dir: string, opts: { pubkey?: string }) => {
    const res = await verifyImage(path.resolve(dir), opts.pubkey);
    if (!res.ok) {
      for (const p of res.problems) process.stderr.write(`verify: ${p}\n`);
      process.exitCode = 1;
      return;
    }
    log(`${dir}: signature and ${Object.keys(res.manifest?.artifacts ?? {}).length} artifacts verified`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`image: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
