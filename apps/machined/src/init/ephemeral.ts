// /var on a disk: the block device whose XFS label is EPHEMERAL, or, on first boot, the install disk
// formatted as such — but only when that disk is blank (no partitions, no filesystem, zeros at both
// ends). Anything else keeps /var on tmpfs: a node never formats a disk that may hold data.
// A simplification of Talos: the whole disk is the filesystem, there is no partition table.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { EPHEMERAL_LABEL, MKFS_XFS_PATH, SYS_BLOCK_PATH } from '@talos/constants';
import type { Logger } from '@talos/log';

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
  const name = path.basename(device);
  const sysDir = path.join(sysBlock, name);
  if (fs.existsSync(sysDir)) {
    const parts = fs.readdirSync(sysDir).filter((e) => e.startsWith(name));
    if (parts.length > 0) return `it has partitions (${parts.join(', ')})`;
  }
  const size = deviceSize(device);
  if (size < 2 * BLANK_CHECK_BYTES) return `it is too small (${size} bytes)`;
  for (const offset of [0, size - BLANK_CHECK_BYTES]) {
    const buf = readAt(device, offset, BLANK_CHECK_BYTES);
    if (buf.some((b) => b !== 0)) return `it has data at offset ${offset}`;
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

export interface EphemeralOptions {
  logger: Logger;
  /** Devices to look for an EPHEMERAL filesystem on (default: every disk in /sys/block). */
  candidates?: string[];
  /** The config's install disk: formatted when blank and no EPHEMERAL disk exists. */
  installDisk?: string;
  mkfs?: string;
  sysBlock?: string;
}

/** The device to mount /var from (formatting a blank install disk first), or undefined for tmpfs. */
export async function ephemeralDevice(opts: EphemeralOptions): Promise<string | undefined> {
  const { logger } = opts;
  for (const device of opts.candidates ?? diskDevices(opts.sysBlock)) {
    try {
      if (xfsLabel(device) === EPHEMERAL_LABEL) {
        logger.info(`found the ${EPHEMERAL_LABEL} filesystem on ${device}`);
        return device;
      }
    } catch {
      // unreadable (no medium, gone): not ours
    }
  }
  const disk = opts.installDisk;
  if (!disk) return undefined;
  if (!fs.existsSync(disk)) {
    logger.warn(`install disk ${disk} does not exist: /var stays on tmpfs`);
    return undefined;
  }
  let reason: string | undefined;
  try {
    reason = notBlankReason(disk, opts.sysBlock);
  } catch (err) {
    reason = `it cannot be read: ${(err as Error).message}`;
  }
  if (reason) {
    logger.warn(`not formatting install disk ${disk}: ${reason}; /var stays on tmpfs`);
    return undefined;
  }
  logger.info(`formatting blank install disk ${disk} as XFS ${EPHEMERAL_LABEL}`);
  try {
    await promisify(execFile)(opts.mkfs ?? MKFS_XFS_PATH, ['-q', '-L', EPHEMERAL_LABEL, disk]);
  } catch (err) {
    logger.error(`error formatting ${disk}: ${(err as Error).message.split('\n')[0]}; /var stays on tmpfs`);
    return undefined;
  }
  return disk;
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

/** A block device's size: lseek to the end (stat gives 0 for devices). */
function deviceSize(device: string): number {
  const st = fs.statSync(device);
  if (st.isFile()) return st.size;
  const sysSize = path.join(SYS_BLOCK_PATH, path.basename(device), 'size');
  // /sys/block/<dev>/size counts 512-byte sectors whatever the device's own sector size.
  return Number(fs.readFileSync(sysSize, 'utf8').trim()) * 512;
}
