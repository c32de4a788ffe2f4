import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSecretFile } from './secret-file';

describe('writeSecretFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pki-secret-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates parent directories 0700 and the file 0600, even under a lax umask', async () => {
    const old = process.umask(0o000);
    try {
      const file = path.join(dir, 'a', 'b', 'key.pem');
      await writeSecretFile(file, 'secret');
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
      expect(await fs.readFile(file, 'utf8')).toBe('secret');
    } finally {
      process.umask(old);
    }
  });

  it('replaces an existing file and leaves no temporary files', async () => {
    const file = path.join(dir, 'replace.pem');
    await fs.writeFile(file, 'old', { mode: 0o644 });
    await writeSecretFile(file, Buffer.from('new'));
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with context when the directory cannot be created', async () => {
    const blocker = path.join(dir, 'blocker');
    await fs.writeFile(blocker, 'x');
    await expect(writeSecretFile(path.join(blocker, 'key.pem'), 'x')).rejects.toThrow();
  });
});
