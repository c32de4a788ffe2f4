import { METAL_MOUNT_POINTS } from '@talos/constants';
import { syscalls } from '@talos/sys';
import { BASE_MOUNTS, ETC_BIND_MOUNTS, varMount } from './mount-table';

describe('the metal mount table', () => {
  const rows = [...BASE_MOUNTS, ...ETC_BIND_MOUNTS, varMount()];

  it('mounts each point once, in an order where parents come first', () => {
    const targets = rows.map((r) => r.target);
    expect(new Set(targets).size).toBe(targets.length);
    for (const [i, target] of targets.entries()) {
      expect(target.startsWith('/')).toBe(true);
      // No mount may hide one made before it.
      for (const earlier of targets.slice(0, i)) expect(earlier.startsWith(`${target}/`)).toBe(false);
    }
  });

  it('gives containerd and runc the unified cgroup hierarchy', () => {
    expect(BASE_MOUNTS.find((r) => r.target === METAL_MOUNT_POINTS.cgroup)).toMatchObject({
      fstype: 'cgroup2',
    });
  });

  it('makes /system, /run, /tmp and /var writable tmpfs without devices or setuid', () => {
    for (const target of [
      METAL_MOUNT_POINTS.system,
      METAL_MOUNT_POINTS.run,
      METAL_MOUNT_POINTS.tmp,
      METAL_MOUNT_POINTS.var,
    ]) {
      const row = rows.find((r) => r.target === target)!;
      expect(row.fstype).toBe('tmpfs');
      expect(row.flags & syscalls.MS_RDONLY).toBe(0);
      expect(row.flags & (syscalls.MS_NOSUID | syscalls.MS_NODEV)).toBe(
        syscalls.MS_NOSUID | syscalls.MS_NODEV,
      );
    }
  });

  it('binds /system/etc/hosts and resolv.conf over the rootfs placeholders, after /system', () => {
    expect(ETC_BIND_MOUNTS.map((r) => [r.source, r.target, r.flags, r.file])).toEqual([
      ['/system/etc/hosts', '/etc/hosts', syscalls.MS_BIND, true],
      ['/system/etc/resolv.conf', '/etc/resolv.conf', syscalls.MS_BIND, true],
    ]);
  });

  it('puts /var on the EPHEMERAL disk as XFS, executables and setuid allowed (container images)', () => {
    expect(varMount('/dev/vdb')).toEqual({
      source: '/dev/vdb',
      target: '/var',
      fstype: 'xfs',
      flags: syscalls.MS_RELATIME,
    });
  });
});
