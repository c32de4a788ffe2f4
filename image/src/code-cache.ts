// The V8 code cache of each bundle in the rootfs (`<bundle>.cache`, read by the loader). It is
// written by running the bundle through the loader with `--help`: that evaluates every module the
// bundle holds, so the cache carries the functions a start compiles, not just the top level. The
// node binary that writes it is the rootfs's own: V8 accepts a cache only from the same version.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CODE_CACHE_MODE_ENV,
  CODE_CACHE_SUFFIX,
  NODE_FLAGS,
  DAEMONS,
  IMAGE_BUNDLE_DIR,
  IMAGE_LOADER,
  IMAGE_NODE,
  daemonBundle,
  type Daemon,
} from '@talos/constants';
import { run } from './command';

/** Writes `<bundle>.cache` beside each daemon's bundle in `tree`; returns the sizes in bytes. */
export async function writeCodeCaches(tree: string): Promise<Map<Daemon, number>> {
  const node = path.join(tree, IMAGE_NODE);
  const loader = path.join(tree, IMAGE_LOADER);
  const sizes = new Map<Daemon, number>();
  const queue = [...DAEMONS];
  // Two at a time: the machine's cores are shared.
  const worker = async (): Promise<void> => {
    for (let daemon = queue.shift(); daemon; daemon = queue.shift()) {
      const bundle = daemonBundle(daemon, path.join(tree, IMAGE_BUNDLE_DIR));
      // The daemons' own Node flags: the cache must suit the process that reads it.
      const args = [...NODE_FLAGS, loader, bundle, '--help'];
      await run(node, args, { env: { [CODE_CACHE_MODE_ENV]: 'write' } });
      const check = await run(node, args);
      if (/code cache .* rejected/.test(check.stderr)) {
        throw new Error(
          `the code cache of ${daemon} is rejected by the node that wrote it: ${check.stderr.trim()}`,
        );
      }
      sizes.set(daemon, fs.statSync(bundle + CODE_CACHE_SUFFIX).size);
    }
  };
  await Promise.all([worker(), worker()]);
  return sizes;
}
