// The GPT writer and reader, checked against util-linux: sfdisk reads and verifies what we write,
// we read what sfdisk writes, and the kernel finds the partitions on a loop device.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  blockDeviceSize,
  logicalSectorSize,
  partitionDevice,
  registerPartitions,
  waitForPartitions,
} from '../block-device';
import { readGpt } from './gpt-read';
import { writeGpt } from './gpt-write';
import { LINUX_FILESYSTEM_TYPE, decodeGuid, encodeGuid, randomGuid } from './guid';

const MiB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;

interface SfdiskJson {
  partitiontable: {
    label: string;
    id: string;
    firstlba: number;
    lastlba: number;
    partitions: { node: string; start: number; size: number; type: string; uuid: string; name: string }[];
  };
}

describe('GPT', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpt-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function sparse(name: string, size: number): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
    return file;
  }

  const layout = [{ name: 'STATE', sizeBytes: 16 * MiB }, { name: 'EPHEMERAL' }];

  it('stores GUIDs mixed-endian, as GPT does', () => {
    expect(encodeGuid(LINUX_FILESYSTEM_TYPE).toString('hex')).toBe('af3dc60f838472478e793d69d8477de4');
    const g = randomGuid();
    expect(g).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(decodeGuid(encodeGuid(g))).toBe(g);
    expect(randomGuid()).not.toBe(g);
    expect(() => encodeGuid('not-a-guid')).toThrow('invalid GUID');
  });

  it('writes a table sfdisk reads and verifies: aligned partitions, names, types, GUIDs', () => {
    const size = 64 * MiB;
    const file = sparse('disk.img', size);
    const table = writeGpt(file, layout, { sizeBytes: size });
    const json = JSON.parse(execFileSync('sfdisk', ['--json', file], { encoding: 'utf8' })) as SfdiskJson;
    const pt = json.partitiontable;
    expect(pt.label).toBe('gpt');
    expect(pt.id).toBe(table.diskGuid);
    expect(pt.firstlba).toBe(34);
    expect(pt.lastlba).toBe(size / 512 - 34);
    expect(pt.partitions.map((p) => [p.name, p.start, p.size, p.type])).toEqual([
      ['STATE', 2048, (16 * MiB) / 512, LINUX_FILESYSTEM_TYPE],
      // The rest, its end rounded down to a MiB: 64 MiB less the first MiB, STATE and the last (partial) MiB.
      ['EPHEMERAL', 2048 + (16 * MiB) / 512, (46 * MiB) / 512, LINUX_FILESYSTEM_TYPE],
    ]);
    expect(pt.partitions.map((p) => p.uuid)).toEqual(table.partitions.map((p) => p.uniqueGuid));
    expect(new Set([table.diskGuid, ...pt.partitions.map((p) => p.uuid)]).size).toBe(3);
    // --verify checks both headers, both arrays, their CRCs and the protective MBR.
    const verify = execFileSync('sfdisk', ['--verify', file], { encoding: 'utf8' });
    expect(verify).toContain('No errors detected');
    expect(verify).not.toMatch(/warning|error:/i);
    expect(execFileSync('blkid', ['-p', '-o', 'export', file], { encoding: 'utf8' })).toContain('PTTYPE=gpt');
    // The protective MBR: one 0xEE partition from LBA 1 over the rest of the disk.
    const mbr = Buffer.alloc(512);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, mbr, 0, 512, 0);
    fs.closeSync(fd);
    expect(mbr[446 + 4]).toBe(0xee);
    expect(mbr.readUInt32LE(446 + 8)).toBe(1);
    expect(mbr.readUInt32LE(446 + 12)).toBe(size / 512 - 1);
    expect(mbr.readUInt16LE(510)).toBe(0xaa55);
  });

  it('reads back what it wrote and what sfdisk wrote', () => {
    const ours = sparse('ours.img', 64 * MiB);
    const written = writeGpt(ours, layout, { sizeBytes: 64 * MiB });
    expect(readGpt(ours)).toEqual(written);

    const theirs = sparse('theirs.img', 32 * MiB);
    execFileSync('sfdisk', ['--quiet', '--label', 'gpt', theirs], {
      input: `size=4MiB, name=STATE, type=${LINUX_FILESYSTEM_TYPE}\nname=EPHEMERAL\n`,
    });
    const read = readGpt(theirs);
    expect(read?.partitions.map((p) => [p.index, p.name, p.firstLba, p.typeGuid])).toEqual([
      [1, 'STATE', 2048, LINUX_FILESYSTEM_TYPE],
      [2, 'EPHEMERAL', 2048 + (4 * MiB) / 512, LINUX_FILESYSTEM_TYPE],
    ]);
    expect(readGpt(sparse('blank.img', 4 * MiB))).toBeUndefined();
  });

  it('refuses a table whose CRC does not match, and a disk too small for the layout', () => {
    const file = sparse('bad.img', 64 * MiB);
    writeGpt(file, layout, { sizeBytes: 64 * MiB });
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0xff]), 0, 1, 2 * 512 + 32); // STATE's first LBA
    fs.closeSync(fd);
    expect(() => readGpt(file)).toThrow(`GPT entry array CRC mismatch on ${file}`);
    expect(() => writeGpt(sparse('small.img', 8 * MiB), layout, { sizeBytes: 8 * MiB })).toThrow(
      'too small for partition STATE',
    );
  });

  (isRoot ? describe : describe.skip)('on a loop device', () => {
    let loop: string | undefined;
    afterEach(() => {
      if (loop) execFileSync('losetup', ['--detach', loop]);
      loop = undefined;
    });

    it('the kernel learns the partitions and creates their devices', async () => {
      const file = sparse('loop.img', 64 * MiB);
      loop = execFileSync('losetup', ['--find', '--show', '--partscan', file], { encoding: 'utf8' }).trim();
      expect(blockDeviceSize(loop)).toBe(64 * MiB);
      expect(logicalSectorSize(loop)).toBe(512);
      const table = writeGpt(loop, layout, { sizeBytes: 64 * MiB });
      registerPartitions(loop, table);
      const parts = await waitForPartitions(loop, 2, 5000);
      expect(parts).toEqual([partitionDevice(loop, 1), partitionDevice(loop, 2)]);
      expect(parts[0]).toMatch(/^\/dev\/loop\d+p1$/);
      const blkid = execFileSync('blkid', ['-p', '-o', 'export', parts[1]!], { encoding: 'utf8' });
      expect(blkid).toContain('PART_ENTRY_NAME=EPHEMERAL');
      expect(blkid).toContain(`PART_ENTRY_SIZE=${(46 * MiB) / 512}`);
      await expect(waitForPartitions(loop, 3, 200)).rejects.toThrow(
        `partition devices ${partitionDevice(loop, 3)} did not appear within 200 ms`,
      );
    });
  });

  it('names partition devices as the kernel does', () => {
    expect(partitionDevice('/dev/vda', 1)).toBe('/dev/vda1');
    expect(partitionDevice('/dev/nvme0n1', 2)).toBe('/dev/nvme0n1p2');
    expect(partitionDevice('/dev/loop3', 1)).toBe('/dev/loop3p1');
  });
});
