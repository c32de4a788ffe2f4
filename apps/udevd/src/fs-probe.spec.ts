// The prober against real filesystems made by mkfs.* in temp files, checked against blkid.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { probeFilesystem } from './fs-probe';

const have = (tool: string): boolean =>
  ['/usr/sbin', '/usr/bin', '/sbin'].some((d) => fs.existsSync(path.join(d, tool)));
const itIf = (tool: string): jest.It => (have(tool) ? it : it.skip);

function blkid(file: string): Record<string, string> {
  const out = execFileSync('blkid', ['-p', '-o', 'export', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split('=', 2) as [string, string]),
  );
}

function image(dir: string, name: string, mb: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, mb * 1024 * 1024);
  return file;
}

describe('probeFilesystem', () => {
  let tmp: TmpDir;
  beforeAll(async () => {
    tmp = await makeTmpDir('fsprobe-');
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  itIf('mkfs.ext4')('reads ext4 uuid and label', async () => {
    const file = image(tmp.path, 'ext4.img', 16);
    execFileSync('mkfs.ext4', ['-q', '-F', '-L', 'STATE', file]);
    const got = await probeFilesystem(file);
    const want = blkid(file);
    expect(got).toEqual({ type: 'ext4', uuid: want.UUID, label: 'STATE' });
  });

  itIf('mkfs.ext4')('tells ext2 from ext4', async () => {
    const file = image(tmp.path, 'ext2.img', 8);
    execFileSync('mkfs.ext4', ['-q', '-F', '-t', 'ext2', file]);
    expect(await probeFilesystem(file)).toEqual({ type: 'ext2', uuid: blkid(file).UUID });
  });

  itIf('mkfs.xfs')('reads xfs uuid and label', async () => {
    const file = image(tmp.path, 'xfs.img', 320);
    execFileSync('mkfs.xfs', ['-q', '-f', '-L', 'EPHEMERAL', file]);
    expect(await probeFilesystem(file)).toEqual({ type: 'xfs', uuid: blkid(file).UUID, label: 'EPHEMERAL' });
  });

  itIf('mkfs.vfat')('reads vfat (FAT32 and FAT16) volume id and label', async () => {
    for (const [bits, mb] of [
      ['32', 40],
      ['16', 16],
    ] as const) {
      const file = image(tmp.path, `fat${bits}.img`, mb);
      execFileSync('mkfs.vfat', ['-F', bits, '-n', 'EFI', file], { stdio: 'ignore' });
      expect(await probeFilesystem(file)).toEqual({ type: 'vfat', uuid: blkid(file).UUID, label: 'EFI' });
    }
  });

  itIf('mksquashfs')('recognises squashfs (no uuid, no label)', async () => {
    const src = path.join(tmp.path, 'sq-src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'f'), 'x');
    const file = path.join(tmp.path, 'rootfs.sqsh');
    execFileSync('mksquashfs', [src, file, '-quiet', '-noappend'], { stdio: 'ignore' });
    expect(blkid(file).TYPE).toBe('squashfs');
    expect(await probeFilesystem(file)).toEqual({ type: 'squashfs' });
  });

  it('returns undefined for an unformatted device', async () => {
    expect(await probeFilesystem(image(tmp.path, 'blank.img', 1))).toBeUndefined();
  });
});
