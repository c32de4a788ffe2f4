// Where the daemon bundles are: $TALOS_BUNDLE_DIR, else beside the running bundle
// (dist/tools/talosctl/main.js -> dist/apps), else dist/apps of the checkout we run from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_DIR_ENV, daemonBundle } from '@talos/constants';

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
