// The node's disks as machined sees them at boot: which devices (whole disks and their partitions)
// there are, which XFS label each carries (STATE, EPHEMERAL), and whether the install disk is
// blank — the only kind of disk machined ever partitions: no partitions, no filesystem, zeros at
// both ends. Reading only; install-disk.ts writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SYS_BLOCK_PATH } from '@talos/constants';

const XFS_MAGIC = 'XFSB';
/** Offset and size of sb_fname (the label) in the XFS superblock. */
const XFS_LABEL_OFFSET = 108;
const XFS_LABEL_BYTES = 12;
/** How much of each end of a disk must be zero for it to count as blank (GPT, superblocks, backups). */
const BLANK_CHECK_BYTES = 1024 * 1024;

/** The XFS label of a device, or undefined when it holds no XFS filesystem. */
export function xfsLabel(device: string): string | undefined {
  const buf = readAt(device, 0, 512);
  if (buf.subarray(0, 4).toString('latin1') !== XFS_MAGIC) return undefined;
  const raw = buf.subarray(XFS_LABEL_OFFSET, XFS_LABEL_OFFSET + XFS_LABEL_BYTES);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/**
 * Why a device is not blank, or undefined when it is: no partitions, and only zeros in its first
 * and last MiB (where partition tables, filesystem superblocks and their backups live).
 */
export function notBlankReason(device: string, sysBlock = SYS_BLOCK_PATH): string | undefined {
  const parts = partitionsOf(device, sysBlock);
  if (parts.length > 0) return `it has partitions (${parts.map((p) => path.basename(p)).join(', ')})`;
  const size = deviceSize(device, sysBlock);
  if (size < 2 * BLANK_CHECK_BYTES) return `it is too small (${size} bytes)`;
  // Compared natively: a byte loop in JS over 2 MiB took a quarter of a second under emulation.
  const zeros = Buffer.alloc(BLANK_CHECK_BYTES);
  for (const offset of [0, size - BLANK_CHECK_BYTES]) {
    const buf = readAt(device, offset, BLANK_CHECK_BYTES);
    if (!buf.equals(zeros.subarray(0, buf.length))) return `it has data at offset ${offset}`;
  }
  return undefined;
}

/** Whole-disk devices the kernel lists, without loop, ram, zram and optical devices. */
export function diskDevices(sysBlock = SYS_BLOCK_PATH): string[] {
  try {
    return fs
      .readdirSync(sysBlock)
      .filter((n) => !/^(loop|ram|zram|sr|fd)\d*/.test(n))
      .map((n) => path.join('/dev', n));
  } catch {
    return [];
  }
}

/** The partition devices the kernel lists for a disk (`/sys/block/vda/vda1` -> `/dev/vda1`), in order. */
export function partitionsOf(disk: string, sysBlock = SYS_BLOCK_PATH): string[] {
  const name = path.basename(disk);
  try {
    return (
      fs
        .readdirSync(path.join(sysBlock, name))
        .filter((e) => e.startsWith(name))
        // By partition number (vda2 before vda10; nvme0n1p1's `p` skipped).
        .sort((a, b) => partitionNumber(a, name) - partitionNumber(b, name))
        .map((e) => path.join(path.dirname(disk), e))
    );
  } catch {
    return [];
  }
}

function partitionNumber(entry: string, disk: string): number {
  return Number(entry.slice(disk.length).replace(/^p/, '')) || 0;
}

/** The first device among the disks and their partitions whose XFS label is `label`. */
export function labelledDevice(
  label: string,
  disks: readonly string[],
  sysBlock = SYS_BLOCK_PATH,
): string | undefined {
  for (const disk of disks) {
    for (const device of [disk, ...partitionsOf(disk, sysBlock)]) {
      try {
        if (xfsLabel(device) === label) return device;
      } catch {
        // unreadable (no medium, gone): not ours
      }
    }
  }
  return undefined;
}

function readAt(device: string, offset: number, length: number): Buffer {
  const fd = fs.openSync(device, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** A block device's size: stat gives 0 for devices, sysfs has it. */
function deviceSize(device: string, sysBlock: string): number {
  const st = fs.statSync(device);
  if (st.isFile()) return st.size;
  const sysSize = path.join(sysBlock, path.basename(device), 'size');
  // /sys/block/<dev>/size counts 512-byte sectors whatever the device's own sector size.
  return Number(fs.readFileSync(sysSize, 'utf8').trim()) * 512;
}
