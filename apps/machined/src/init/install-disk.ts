// First boot of a node with a config: its blank install disk gets a GPT with STATE (100 MiB, the
// machine config) and EPHEMERAL (the rest, /var), both XFS with those labels. Talos also puts EFI,
// BIOS, BOOT and META there; they hold the bootloader and the kernel, and our nodes boot the
// kernel directly (QEMU -kernel/-initrd), so they are left out. A disk that is not blank is never
// written to.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import {
  EPHEMERAL_LABEL,
  MKFS_XFS_PATH,
  PARTITION_ALIGNMENT_BYTES,
  PARTITION_DEVICE_WAIT_MS,
  STATE_LABEL,
  STATE_PARTITION_BYTES,
  SYS_BLOCK_PATH,
} from '@talos/constants';
import type { Logger } from '@talos/log';
import {
  blockDeviceSize,
  logicalSectorSize,
  registerPartitions,
  waitForPartitions,
  writeGpt,
} from '@talos/sys';
import { notBlankReason } from './ephemeral';

const MiB = 1024 * 1024;

export interface InstallDiskOptions {
  disk: string;
  logger: Logger;
  mkfs?: string;
  sysBlock?: string;
  partitionWaitMs?: number;
}

/** The partition devices of a freshly partitioned install disk. */
export interface InstalledDisk {
  state: string;
  ephemeral: string;
}

/**
 * Partitions and formats the install disk when it is blank. Undefined (and logged why) when it is
 * missing, holds anything, or partitioning fails: the node then runs without a disk.
 */
export async function partitionInstallDisk(opts: InstallDiskOptions): Promise<InstalledDisk | undefined> {
  const { disk, logger } = opts;
  if (!fs.existsSync(disk)) {
    logger.warn(`install disk ${disk} does not exist: /var stays on tmpfs, the config is not persisted`);
    return undefined;
  }
  let reason: string | undefined;
  try {
    reason = notBlankReason(disk, opts.sysBlock ?? SYS_BLOCK_PATH);
  } catch (err) {
    reason = `it cannot be read: ${(err as Error).message}`;
  }
  if (reason) {
    logger.warn(
      `not partitioning install disk ${disk}: ${reason}; /var stays on tmpfs, the config is not persisted`,
    );
    return undefined;
  }
  try {
    const sizeBytes = blockDeviceSize(disk);
    const table = writeGpt(
      disk,
      [{ name: STATE_LABEL, sizeBytes: STATE_PARTITION_BYTES }, { name: EPHEMERAL_LABEL }],
      {
        sizeBytes,
        sectorSize: logicalSectorSize(disk),
        alignmentBytes: PARTITION_ALIGNMENT_BYTES,
      },
    );
    registerPartitions(disk, table);
    const [state, ephemeral] = await waitForPartitions(
      disk,
      2,
      opts.partitionWaitMs ?? PARTITION_DEVICE_WAIT_MS,
    );
    const sizes = table.partitions.map((p) =>
      Math.round(((p.lastLba - p.firstLba + 1) * table.sectorSize) / MiB),
    );
    logger.info(
      `partitioned install disk ${disk}: ${STATE_LABEL} ${state} (${sizes[0]} MiB), ${EPHEMERAL_LABEL} ${ephemeral} (${sizes[1]} MiB)`,
    );
    // mkfs.xfs refuses filesystems under 300 MB unless told this is on purpose; STATE holds one file.
    await mkfsXfs(opts.mkfs, STATE_LABEL, state!, ['--unsupported']);
    await mkfsXfs(opts.mkfs, EPHEMERAL_LABEL, ephemeral!);
    logger.info(`formatted ${state} as XFS ${STATE_LABEL} and ${ephemeral} as XFS ${EPHEMERAL_LABEL}`);
    return { state: state!, ephemeral: ephemeral! };
  } catch (err) {
    logger.error(
      `error partitioning install disk ${disk}: ${(err as Error).message.split('\n')[0]}; /var stays on tmpfs`,
    );
    return undefined;
  }
}

async function mkfsXfs(
  mkfs = MKFS_XFS_PATH,
  label: string,
  device: string,
  extra: string[] = [],
): Promise<void> {
  try {
    await promisify(execFile)(mkfs, ['-q', '-L', label, ...extra, device]);
  } catch (err) {
    const e = err as Error & { stderr?: string };
    const detail = (e.stderr ?? '').trim().split('\n')[0] || e.message.split('\n')[0];
    throw new Error(`error formatting ${device} as XFS ${label}: ${detail}`);
  }
}
