// Temporary folders for tests (sockets, node roots); removed by the returned cleanup.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TmpDir {
  path: string;
  cleanup(): Promise<void>;
}

export async function makeTmpDir(prefix = 'talos-test-'): Promise<TmpDir> {
  // Short base: unix socket paths are limited to ~107 bytes.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
  return { path: dir, cleanup: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}
