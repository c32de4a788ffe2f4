import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from './atomic-file';

describe('writeFileAtomic', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'atomic-file-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces the file with mode 0600 and leaves no temporary file', async () => {
    const file = path.join(dir, 'config.yaml');
    await writeFile(file, 'old\n', { mode: 0o644 });
    await writeFileAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['config.yaml']);
  });

  it('creates a file that did not exist, with the mode asked for', async () => {
    const file = path.join(dir, 'fresh.yaml');
    await writeFileAtomic(file, Buffer.from('x'), { mode: 0o640 });
    expect(await readFile(file, 'utf8')).toBe('x');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it('keeps the old file and removes the temporary one when the rename fails', async () => {
    // A directory in the target's place makes rename fail after the temporary file was written.
    const target = path.join(dir, 'config.yaml');
    await writeFile(path.join(dir, 'keep.txt'), 'kept');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new\n')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['config.yaml', 'keep.txt']);
    expect(await readFile(path.join(dir, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('fails without a trace when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'config.yaml'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
