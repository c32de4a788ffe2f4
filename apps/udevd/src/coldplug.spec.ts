// Coldplug against a sysfs-shaped temp tree (never this host's /sys: the tests must not make the
// host's kernel re-announce its devices).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { coldplug } from './coldplug';

describe('coldplug', () => {
  let tmp: TmpDir;
  beforeAll(async () => {
    tmp = await makeTmpDir('coldplug-');
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('writes "add" to every uevent file, without following symlinks', async () => {
    const root = path.join(tmp.path, 'devices');
    const dirs = [
      'pci0000:00/0000:00:04.0/virtio1/block/vda/vda1',
      'virtual/block/loop0',
      'platform/serial8250',
    ];
    for (const d of dirs) {
      fs.mkdirSync(path.join(root, d), { recursive: true });
      fs.writeFileSync(path.join(root, d, 'uevent'), '');
      fs.writeFileSync(path.join(root, d, 'size'), '0');
    }
    // sysfs's back links: following them would loop forever.
    fs.symlinkSync(root, path.join(root, 'virtual/block/loop0/subsystem'));
    fs.symlinkSync(path.join(root, 'virtual/block/loop0/uevent'), path.join(root, 'platform/uevent'));
    const res = await coldplug(root);
    expect(res).toEqual({ triggered: 3, failed: [] });
    for (const d of dirs) expect(fs.readFileSync(path.join(root, d, 'uevent'), 'utf8')).toBe('add');
    expect(fs.readFileSync(path.join(root, dirs[0]!, 'size'), 'utf8')).toBe('0');
  });

  it('reports the uevent files the kernel refuses and goes on', async () => {
    const root = path.join(tmp.path, 'devices2');
    for (const d of ['a', 'b']) {
      fs.mkdirSync(path.join(root, d), { recursive: true });
      fs.writeFileSync(path.join(root, d, 'uevent'), '');
    }
    const res = await coldplug(root, async (file) => {
      if (file.includes('/a/')) throw new Error('EINVAL: invalid argument');
    });
    expect(res).toEqual({
      triggered: 1,
      failed: [{ file: path.join(root, 'a', 'uevent'), error: 'EINVAL: invalid argument' }],
    });
  });
});
