// Where the daemon bundles are: $TALOS_BUNDLE_DIR, else beside the running bundle
// (dist/tools/talosctl/main.js -> dist/apps), else dist/apps of the checkout we run from. The node
// image is found the same way: $TALOS_IMAGE_DIR, the checkout's _out/image, ./_out/image.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BUNDLE_DIR_ENV,
  DEFAULT_IMAGE_DIR,
  IMAGE_DIR_ENV,
  IMAGE_KERNEL_FILE,
  daemonBundle,
} from '@talos/constants';

export interface BundleSearch {
  env?: NodeJS.ProcessEnv;
  /** The running script (process.argv[1]). */
  script?: string;
  cwd?: string;
}

export function bundleDirCandidates(search: BundleSearch = {}): string[] {
  const env = search.env ?? process.env;
  const candidates: string[] = [];
  if (env[BUNDLE_DIR_ENV]) candidates.push(path.resolve(env[BUNDLE_DIR_ENV] as string));
  const script = search.script ?? process.argv[1];
  if (script) candidates.push(path.resolve(path.dirname(script), '..', '..', 'apps'));
  candidates.push(path.resolve(search.cwd ?? process.cwd(), 'dist', 'apps'));
  return [...new Set(candidates)];
}

/** The first candidate holding a machined bundle; the error lists where it looked. */
export function findBundleDir(search: BundleSearch = {}): string {
  const candidates = bundleDirCandidates(search);
  const found = candidates.find((dir) => fs.existsSync(daemonBundle('machined', dir)));
  if (found) return found;
  throw new Error(
    `machined bundle not found (looked in ${candidates.join(', ')}): build the daemons first ` +
      `(npx nx run-many -t build) or set ${BUNDLE_DIR_ENV}`,
  );
}

export function imageDirCandidates(search: BundleSearch = {}): string[] {
  const env = search.env ?? process.env;
  const candidates: string[] = [];
  if (env[IMAGE_DIR_ENV]) candidates.push(path.resolve(env[IMAGE_DIR_ENV] as string));
  const script = search.script ?? process.argv[1];
  if (script) candidates.push(path.resolve(path.dirname(script), '..', '..', '..', DEFAULT_IMAGE_DIR));
  candidates.push(path.resolve(search.cwd ?? process.cwd(), DEFAULT_IMAGE_DIR));
  return [...new Set(candidates)];
}

/** The first candidate holding a kernel (vmlinuz); the error lists where it looked. */
export function findImageDir(search: BundleSearch = {}): string {
  const candidates = imageDirCandidates(search);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, IMAGE_KERNEL_FILE)));
  if (found) return found;
  throw new Error(
    `node image not found (looked in ${candidates.join(', ')}): build it first (npx nx run image:build), ` +
      `or pass --image-dir or set ${IMAGE_DIR_ENV}`,
  );
}
