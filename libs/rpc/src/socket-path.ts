// Unix socket files: a daemon creates its socket's directory, clears a stale socket left by a
// previous run (but never one a live process still listens on), and restricts the mode.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** Socket files are for the daemons (root or the dev user) and their group: 0660 at most. */
export const SOCKET_MODE = 0o660;

export async function prepareSocketPath(socketPath: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(socketPath), { recursive: true, mode: 0o750 });
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(socketPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!stat.isSocket())
    throw new Error(`error preparing socket ${socketPath}: a non-socket file is in the way`);
  if (await isListening(socketPath))
    throw new Error(`error preparing socket ${socketPath}: another process is listening on it`);
  await fs.promises.unlink(socketPath);
}

function isListening(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

export async function restrictSocketMode(socketPath: string): Promise<void> {
  await fs.promises.chmod(socketPath, SOCKET_MODE);
}
