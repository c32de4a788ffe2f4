// Block devices as the partitioner needs them: size and sector size (stat says 0 for a device),
// the kernel told to re-read a new partition table, and the partition device nodes it creates.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SYS_CLASS_BLOCK_PATH } from '@talos/constants';
import { SyscallError } from './errno';
import type { GptTable } from './gpt/gpt-table';
import * as syscalls from './syscalls';

/** A block device's (or an image file's) size in bytes. */
export function blockDeviceSize(device: string): number {
  const fd = fs.openSync(device, 'r');
  try {
    const st = fs.fstatSync(fd);
    if (!st.isBlockDevice()) return st.size;
    const buf = Buffer.alloc(8);
    syscalls.ioctl(fd, syscalls.BLKGETSIZE64, buf, `BLKGETSIZE64 ${device}`);
    return Number(buf.readBigUInt64LE(0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The logical sector size partition tables count in (512 for an image file). */
export function logicalSectorSize(device: string): number {
  const fd = fs.openSync(device, 'r');
  try {
    if (!fs.fstatSync(fd).isBlockDevice()) return 512;
    const buf = Buffer.alloc(4);
    syscalls.ioctl(fd, syscalls.BLKSSZGET, buf, `BLKSSZGET ${device}`);
    return buf.readInt32LE(0);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Asks the kernel to re-read the partition table (BLKRRPART). A loop device must have partition
 * scanning on (losetup -P) or the kernel answers EINVAL.
 */
export function rereadPartitions(device: string): void {
  const fd = fs.openSync(device, 'r');
  try {
    syscalls.ioctl(fd, syscalls.BLKRRPART, undefined, `BLKRRPART ${device}`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Makes the kernel know `table`'s partitions on `disk`: BLKRRPART, then BLKPG for any partition
 * the kernel still lacks. A kernel built without a GPT parser (CONFIG_EFI_PARTITION; some VM
 * kernels) finds none on the re-read; BLKPG adds them one by one, as `partx --add` does. The
 * node image's kernel has the parser, so there BLKPG finds every partition present (EBUSY).
 */
export function registerPartitions(
  disk: string,
  table: GptTable,
  sysClassBlock = SYS_CLASS_BLOCK_PATH,
): void {
  rereadPartitions(disk);
  addMissingPartitions(disk, table, sysClassBlock);
}

/** BLKPG for each partition of `table` the kernel does not list under `sysClassBlock` yet. */
export function addMissingPartitions(
  disk: string,
  table: GptTable,
  sysClassBlock = SYS_CLASS_BLOCK_PATH,
): number {
  const missing = table.partitions.filter(
    (p) => !fs.existsSync(path.join(sysClassBlock, path.basename(partitionDevice(disk, p.index)))),
  );
  if (missing.length === 0) return 0;
  const fd = fs.openSync(disk, 'r');
  let added = 0;
  try {
    for (const p of missing) {
      const { sectorSize } = table;
      try {
        syscalls.blkpgAddPartition(
          fd,
          p.index,
          p.firstLba * sectorSize,
          (p.lastLba - p.firstLba + 1) * sectorSize,
        );
        added++;
      } catch (err) {
        // Already there (a uevent raced us): fine.
        if (!SyscallError.is(err, 'EBUSY')) throw err;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return added;
}

/** The device node of partition `index` of `disk`: vda -> vda1, but nvme0n1 -> nvme0n1p1, loop3 -> loop3p1. */
export function partitionDevice(disk: string, index: number): string {
  return /\d$/.test(disk) ? `${disk}p${index}` : `${disk}${index}`;
}

/**
 * Waits (bounded) for the device nodes of partitions 1..count: after BLKRRPART the kernel sends
 * the uevents and devtmpfs creates the nodes, not at once.
 */
export async function waitForPartitions(disk: string, count: number, timeoutMs: number): Promise<string[]> {
  const devices = Array.from({ length: count }, (_, i) => partitionDevice(disk, i + 1));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = devices.filter((d) => !isBlockDevice(d));
    if (missing.length === 0) return devices;
    if (Date.now() >= deadline) {
      throw new Error(`partition devices ${missing.join(', ')} did not appear within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isBlockDevice(device: string): boolean {
  try {
    return fs.statSync(device).isBlockDevice();
  } catch {
    return false;
  }
}
