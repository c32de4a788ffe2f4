import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { silentLogger } from '@talos/log';
import { ephemeralDevice, notBlankReason, xfsLabel } from './ephemeral';

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

  it('prefers an existing EPHEMERAL disk and leaves a non-blank install disk alone', async () => {
    const mkfs = path.join(dir, 'mkfs-must-not-run');
    const labelled = image('labelled', 4 * MiB, [[0, xfsSuperblock('EPHEMERAL')]]);
    const used = image('used', 4 * MiB, [[0, Buffer.from('data')]]);
    const logger = silentLogger();
    expect(await ephemeralDevice({ logger, candidates: [used, labelled], installDisk: used, mkfs })).toBe(
      labelled,
    );
    expect(await ephemeralDevice({ logger, candidates: [used], installDisk: used, mkfs })).toBeUndefined();
    expect(
      await ephemeralDevice({ logger, candidates: [], installDisk: path.join(dir, 'nope'), mkfs }),
    ).toBeUndefined();
  });
});
