// `machine.install` (where and what Talos installs) and `machine.disks` (extra disks to partition).
import { absolutePathProblem, imageProblem, sizeProblem } from './field-checks';
import { type FieldReader, put } from './validation';

export interface InstallConfig {
  /** The system disk; defaults to /dev/sda (`installConfig()`). */
  disk?: string;
  extraKernelArgs?: string[];
  /** The installer image. */
  image?: string;
  bootloader?: boolean;
  /** Zero the disk before installing. */
  wipe?: boolean;
  force?: boolean;
}

export interface DiskPartition {
  mountpoint: string;
  /** Bytes, or a size with a unit ("10GB"); 0 or absent takes the rest of the disk. */
  size?: number | string;
}

export interface MachineDisk {
  device: string;
  partitions?: DiskPartition[];
}

export function readInstall(at: FieldReader, value: unknown): InstallConfig | undefined {
  const raw = at.section(value, ['disk', 'extraKernelArgs', 'image', 'bootloader', 'wipe', 'force']);
  if (!raw) return undefined;
  const out: InstallConfig = {};
  put(out, 'disk', at.at('disk').checked(raw.disk, absolutePathProblem));
  put(out, 'extraKernelArgs', at.at('extraKernelArgs').stringList(raw.extraKernelArgs));
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  put(out, 'bootloader', at.at('bootloader').boolean(raw.bootloader));
  put(out, 'wipe', at.at('wipe').boolean(raw.wipe));
  put(out, 'force', at.at('force').boolean(raw.force));
  return out;
}

function readPartition(at: FieldReader, value: unknown): DiskPartition | undefined {
  const raw = at.mapping(value, ['mountpoint', 'size']);
  if (!raw) return undefined;
  const mountpoint = at.at('mountpoint').checked(raw.mountpoint, absolutePathProblem, { required: true });
  let size: number | string | undefined;
  if (typeof raw.size === 'number') size = at.at('size').integer(raw.size, { min: 0 });
  else size = at.at('size').checked(raw.size, sizeProblem);
  if (mountpoint === undefined) return undefined;
  const out: DiskPartition = { mountpoint };
  put(out, 'size', size);
  return out;
}

function readDisk(at: FieldReader, value: unknown): MachineDisk | undefined {
  const raw = at.mapping(value, ['device', 'partitions']);
  if (!raw) return undefined;
  const device = at.at('device').checked(raw.device, absolutePathProblem, { required: true });
  const partitions = at.at('partitions').list(raw.partitions, readPartition);
  if (device === undefined) return undefined;
  const out: MachineDisk = { device };
  put(out, 'partitions', partitions);
  return out;
}

export function readDisks(at: FieldReader, value: unknown): MachineDisk[] | undefined {
  return at.list(value, readDisk);
}
