// Key material on disk: 0700 directories, 0600 files, written atomically so that a crash never
// leaves half a key behind and no reader ever sees a key with wider permissions.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export async function writeSecretFile(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    // The mode given to open() is filtered by the umask; set it explicitly.
    await handle.chmod(0o600);
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw new Error(`error writing ${file}: ${(err as Error).message}`);
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new Error(`error writing ${file}: ${(err as Error).message}`);
  }
}
