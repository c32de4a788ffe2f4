import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { labelledDevice, notBlankReason, partitionsOf, xfsLabel } from './ephemeral';

const MiB = 1024 * 1024;

describe('the EPHEMERAL disk', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ephemeral-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function image(name: string, size: number, writes: [number, Buffer][] = []): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
    const fd = fs.openSync(file, 'r+');
    for (const [offset, data] of writes) fs.writeSync(fd, data, 0, data.length, offset);
    fs.closeSync(fd);
    return file;
  }

  function xfsSuperblock(label: string): Buffer {
    const sb = Buffer.alloc(512);
    sb.write('XFSB', 0, 'latin1');
    sb.write(label, 108, 'utf8');
    return sb;
  }

  it('reads the XFS label from the superblock', () => {
    expect(xfsLabel(image('a', 4 * MiB, [[0, xfsSuperblock('EPHEMERAL')]]))).toBe('EPHEMERAL');
    expect(xfsLabel(image('b', 4 * MiB, [[0, xfsSuperblock('')]]))).toBe('');
    expect(xfsLabel(image('c', 4 * MiB))).toBeUndefined();
  });

  it('calls a disk blank only when it has no partitions and both ends are zeros', () => {
    const sys = path.join(dir, 'sys-block');
    fs.mkdirSync(path.join(sys, 'parted', 'parted1'), { recursive: true });
    expect(notBlankReason(image('blank', 8 * MiB), sys)).toBeUndefined();
    expect(notBlankReason(image('parted', 8 * MiB), sys)).toBe('it has partitions (parted1)');
    expect(notBlankReason(image('head', 8 * MiB, [[512, Buffer.from('EFI PART')]]), sys)).toBe(
      'it has data at offset 0',
    );
    expect(notBlankReason(image('tail', 8 * MiB, [[8 * MiB - 512, Buffer.from('EFI PART')]]), sys)).toBe(
      `it has data at offset ${7 * MiB}`,
    );
    expect(notBlankReason(image('small', MiB), sys)).toBe(`it is too small (${MiB} bytes)`);
  });

  it('finds a label on a disk or one of its partitions, in order', () => {
    const sys = path.join(dir, 'sys-block');
    // "disk" has two partitions, disk1 and disk2, as /sys/block lists them.
    fs.mkdirSync(path.join(sys, 'disk', 'disk2'), { recursive: true });
    fs.mkdirSync(path.join(sys, 'disk', 'disk1'), { recursive: true });
    fs.mkdirSync(path.join(sys, 'disk', 'queue'), { recursive: true });
    const disk = image('disk', 4 * MiB);
    const state = image('disk1', 4 * MiB, [[0, xfsSuperblock('STATE')]]);
    const ephemeral = image('disk2', 4 * MiB, [[0, xfsSuperblock('EPHEMERAL')]]);
    const whole = image('whole', 4 * MiB, [[0, xfsSuperblock('EPHEMERAL')]]);
    expect(partitionsOf(disk, sys)).toEqual([state, ephemeral]);
    expect(labelledDevice('STATE', [disk], sys)).toBe(state);
    expect(labelledDevice('EPHEMERAL', [disk, whole], sys)).toBe(ephemeral);
    // A whole-disk EPHEMERAL (the layout before partitions) is still found.
    expect(labelledDevice('EPHEMERAL', [whole, disk], sys)).toBe(whole);
    // By partition number, not by name: 2 before 10; NVMe's `p` separator.
    fs.mkdirSync(path.join(sys, 'many', 'many10'), { recursive: true });
    fs.mkdirSync(path.join(sys, 'many', 'many2'), { recursive: true });
    expect(partitionsOf('/dev/many', sys)).toEqual(['/dev/many2', '/dev/many10']);
    fs.mkdirSync(path.join(sys, 'nvme0n1', 'nvme0n1p10'), { recursive: true });
    fs.mkdirSync(path.join(sys, 'nvme0n1', 'nvme0n1p9'), { recursive: true });
    expect(partitionsOf('/dev/nvme0n1', sys)).toEqual(['/dev/nvme0n1p9', '/dev/nvme0n1p10']);
    expect(labelledDevice('STATE', [whole, path.join(dir, 'gone')], sys)).toBeUndefined();
  });
});
