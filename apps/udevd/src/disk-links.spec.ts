// The link maker against real block devices: loop devices over temp files holding ext4 and xfs,
// links made in a temp /dev. The loop devices are detached in afterAll whatever happened.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '@talos/log';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { DiskLinker, encodeLinkName, pathId } from './disk-links';

const isRoot = process.getuid?.() === 0;
const canLoop = isRoot && fs.existsSync('/dev/loop-control');
const describeLoop = canLoop ? describe : describe.skip;

describe('disk link names', () => {
  it('escapes labels as udev does and derives by-path from the sysfs path', () => {
    expect(encodeLinkName('EFI')).toBe('EFI');
    expect(encodeLinkName('my disk/1')).toBe('my\\x20disk\\x2f1');
    expect(pathId('/devices/pci0000:00/0000:00:04.0/virtio1/block/vda')).toBe('pci-0000:00:04.0');
    expect(pathId('/devices/pci0000:00/0000:00:04.0/virtio1/block/vda/vda1')).toBe('pci-0000:00:04.0');
    expect(pathId('/devices/pci0000:00/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0/block/sda')).toBe(
      'pci-0000:00:01.1-scsi-0:0:0:0',
    );
    expect(pathId('/devices/pci0000:00/0000:00:05.0/nvme/nvme0/nvme0n1')).toBe('pci-0000:00:05.0-nvme-1');
    expect(pathId('/devices/virtual/block/loop0')).toBeUndefined();
  });
});

describeLoop('DiskLinker on loop devices', () => {
  let tmp: TmpDir;
  const loops: string[] = [];

  function attach(name: string, mb: number, mkfs: string[]): { dev: string; uuid: string } {
    const file = path.join(tmp.path, name);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, mb * 1024 * 1024);
    execFileSync(mkfs[0]!, [...mkfs.slice(1), file], { stdio: 'ignore' });
    const dev = execFileSync('losetup', ['--find', '--show', file], { encoding: 'utf8' }).trim();
    loops.push(dev);
    const uuid = execFileSync('blkid', ['-p', '-s', 'UUID', '-o', 'value', dev], { encoding: 'utf8' }).trim();
    return { dev, uuid };
  }

  beforeAll(async () => {
    tmp = await makeTmpDir('disklinks-');
  });
  afterAll(async () => {
    for (const dev of loops) {
      try {
        execFileSync('losetup', ['-d', dev]);
      } catch {
        // already detached
      }
    }
    await tmp?.cleanup();
  });

  it('links by-uuid and by-label to the right loop device, and removes them on "remove"', async () => {
    const ext4 = attach('ext4.img', 16, ['mkfs.ext4', '-q', '-F', '-L', 'STATE']);
    const xfs = attach('xfs.img', 320, ['mkfs.xfs', '-q', '-f', '-L', 'EPHEMERAL']);
    const devDir = path.join(tmp.path, 'dev');
    const linker = new DiskLinker({ devDir, logger: silentLogger(), nodePath: (n) => path.join('/dev', n) });
    const event = (action: string, dev: string) => {
      const devname = path.basename(dev);
      return { action, devname, devpath: `/devices/virtual/block/${devname}`, devtype: 'disk' };
    };
    await linker.handle(event('add', ext4.dev));
    await linker.handle(event('add', xfs.dev));

    const target = (link: string): string => fs.readlinkSync(path.join(devDir, 'disk', link));
    const resolved = (link: string): string => path.join('/dev', path.basename(target(link)));
    expect(target(`by-uuid/${ext4.uuid}`)).toBe(`../../${path.basename(ext4.dev)}`);
    expect(resolved('by-label/STATE')).toBe(ext4.dev);
    expect(resolved(`by-uuid/${xfs.uuid}`)).toBe(xfs.dev);
    expect(resolved('by-label/EPHEMERAL')).toBe(xfs.dev);
    // Loop devices are virtual: no by-path, no by-id.
    expect(fs.existsSync(path.join(devDir, 'disk', 'by-path'))).toBe(false);

    await linker.handle(event('remove', ext4.dev));
    expect(fs.readdirSync(path.join(devDir, 'disk', 'by-label'))).toEqual(['EPHEMERAL']);
    expect(fs.readdirSync(path.join(devDir, 'disk', 'by-uuid'))).toEqual([xfs.uuid]);
    expect(linker.snapshot()).toEqual({
      [path.basename(xfs.dev)]: [`disk/by-uuid/${xfs.uuid}`, 'disk/by-label/EPHEMERAL'],
    });
  }, 60_000);

  it('follows a "change": a reformatted device gets its new uuid and label', async () => {
    const dev = attach('change.img', 16, ['mkfs.ext4', '-q', '-F', '-L', 'OLD']);
    const devDir = path.join(tmp.path, 'dev2');
    const linker = new DiskLinker({ devDir, logger: silentLogger(), nodePath: (n) => path.join('/dev', n) });
    const devname = path.basename(dev.dev);
    const ev = (action: string) => ({
      action,
      devname,
      devpath: `/devices/virtual/block/${devname}`,
      devtype: 'disk',
    });
    await linker.handle(ev('add'));
    execFileSync('mkfs.ext4', ['-q', '-F', '-L', 'NEW', dev.dev], { stdio: 'ignore' });
    const uuid = execFileSync('blkid', ['-p', '-s', 'UUID', '-o', 'value', dev.dev], {
      encoding: 'utf8',
    }).trim();
    await linker.handle(ev('change'));
    expect(fs.readdirSync(path.join(devDir, 'disk', 'by-label'))).toEqual(['NEW']);
    expect(fs.readdirSync(path.join(devDir, 'disk', 'by-uuid'))).toEqual([uuid]);
  }, 60_000);
});
