// What machined mounts as PID 1, as data: one row per mount, applied in order, undone in reverse at
// power down. The initramfs already moved /dev, /proc and /sys into the rootfs; everything writable
// comes from here, because the rootfs itself is a read-only squashfs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { METAL_MOUNT_POINTS as MP, SYSTEM_ETC_HOSTS, SYSTEM_ETC_RESOLV_CONF } from '@talos/constants';
import type { Logger } from '@talos/log';
import { SyscallError, syscalls } from '@talos/sys';

const { MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_RELATIME, MS_BIND } = syscalls;

export interface MountPoint {
  /** The device or pseudo source (`tmpfs`); for a bind mount, the path bound (under the root). */
  source: string;
  /** Absolute path in the node; applied under the node root. */
  target: string;
  /** Empty for a bind mount. */
  fstype: string;
  flags: number;
  data?: string;
  /** The target is a file (a bind of a file over a file), not a folder. */
  file?: boolean;
}

/** The pseudo and tmpfs mounts, before /system's files exist. */
export const BASE_MOUNTS: readonly MountPoint[] = [
  {
    source: 'devpts',
    target: MP.devPts,
    fstype: 'devpts',
    flags: MS_NOSUID | MS_NOEXEC,
    // gid 5 is the tty group; ptmxmode=666 lets a container's runtime allocate terminals.
    data: 'gid=5,mode=620,ptmxmode=666',
  },
  { source: 'shm', target: MP.devShm, fstype: 'tmpfs', flags: MS_NOSUID | MS_NODEV, data: 'mode=1777' },
  { source: 'tmpfs', target: MP.run, fstype: 'tmpfs', flags: MS_NOSUID | MS_NODEV, data: 'mode=755' },
  { source: 'tmpfs', target: MP.tmp, fstype: 'tmpfs', flags: MS_NOSUID | MS_NODEV, data: 'mode=1777' },
  // containerd and runc put each container in its own cgroup; they need the unified hierarchy.
  {
    source: 'cgroup2',
    target: MP.cgroup,
    fstype: 'cgroup2',
    flags: MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RELATIME,
    data: 'nsdelegate',
  },
  { source: 'tmpfs', target: MP.system, fstype: 'tmpfs', flags: MS_NOSUID | MS_NODEV, data: 'mode=755' },
];

/**
 * /var, mounted once the config (and so the install disk) is known: the EPHEMERAL XFS disk when
 * there is one, else tmpfs. Container images live there: no noexec, no nosuid on the disk.
 */
export function varMount(device?: string): MountPoint {
  return device
    ? { source: device, target: MP.var, fstype: 'xfs', flags: MS_RELATIME }
    : { source: 'tmpfs', target: MP.var, fstype: 'tmpfs', flags: MS_NOSUID | MS_NODEV, data: 'mode=755' };
}

/**
 * The STATE partition on /system/state: it holds the machine config (keys included), nothing to
 * run, so noexec too. Mounted after /system and before /var, so it is unmounted after /var.
 */
export function stateMount(device: string): MountPoint {
  return {
    source: device,
    target: MP.systemState,
    fstype: 'xfs',
    flags: MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RELATIME,
  };
}

/** The /system/etc files bound over the rootfs's placeholders, once /system's files exist. */
export const ETC_BIND_MOUNTS: readonly MountPoint[] = [
  {
    source: path.join(MP.system, 'etc', SYSTEM_ETC_HOSTS),
    target: MP.etcHosts,
    fstype: '',
    flags: MS_BIND,
    file: true,
  },
  {
    source: path.join(MP.system, 'etc', SYSTEM_ETC_RESOLV_CONF),
    target: MP.etcResolvConf,
    fstype: '',
    flags: MS_BIND,
    file: true,
  },
];

/** Mounts as applied, so they can be undone in reverse. */
export class MountedTable {
  /** Node paths (`/system`) mounted so far, in order. */
  private readonly mounted: string[] = [];

  constructor(
    /** Node root: `/` on a node, a temporary folder in tests. */
    readonly root: string,
    private readonly logger: Logger,
  ) {}

  /** Mounts each row in order; the first failure stops (what follows may depend on it). */
  apply(rows: readonly MountPoint[]): void {
    for (const row of rows) this.mountOne(row);
  }

  /** Node paths mounted so far, in order. */
  targets(): string[] {
    return [...this.mounted];
  }

  /**
   * Unmounts everything in reverse order. A busy mount is detached (lazily unmounted) and logged;
   * other failures are logged and the rest still unmounted. Returns the targets that failed.
   */
  unmountAll(): string[] {
    const failed: string[] = [];
    while (this.mounted.length > 0) {
      const target = this.mounted.pop()!;
      const full = path.join(this.root, target);
      try {
        this.unmountOne(target, full);
      } catch (err) {
        failed.push(target);
        this.logger.error(`error unmounting ${target}: ${(err as Error).message}`);
      }
    }
    return failed;
  }

  /** umount2, and a lazy detach when the mount is busy (a process still holds a file there). */
  private unmountOne(target: string, full: string): void {
    try {
      syscalls.umount2(full);
      this.logger.info(`unmounted ${target}`);
    } catch (err) {
      if (!SyscallError.is(err, 'EBUSY')) throw err;
      syscalls.umount2(full, syscalls.MNT_DETACH);
      this.logger.warn(`${target} is busy: detached it (lazy unmount)`);
    }
  }

  private mountOne(row: MountPoint): void {
    const target = path.join(this.root, row.target);
    const source = row.fstype === '' ? path.join(this.root, row.source) : row.source;
    try {
      ensureTarget(target, row.file === true);
      syscalls.mount(source, target, row.fstype, row.flags, row.data ?? '');
    } catch (err) {
      throw new Error(`error mounting ${row.target}: ${(err as Error).message}`);
    }
    this.mounted.push(row.target);
    this.logger.info(`mounted ${row.target}`);
  }
}

/**
 * Creates a missing mount point. On the read-only rootfs the image already has them (mkdir would
 * fail with EROFS), so an existing one is left alone.
 */
function ensureTarget(target: string, file: boolean): void {
  if (fs.existsSync(target)) return;
  if (file) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, '');
  } else {
    fs.mkdirSync(target, { recursive: true });
  }
}
