// A read-only bind of a directory tree at another path: runc cannot pivot_root into the host's own
// `/` (EBUSY), so a container whose root is the host's (tests) or the image's root gets a bind.
import { syscalls } from '@talos/sys';

/** Binds `source` (one mount, not its submounts) at `target` and makes the bind read-only. */
export function bindReadOnly(source: string, target: string): void {
  syscalls.mount(source, target, '', syscalls.MS_BIND);
  syscalls.mount('', target, '', syscalls.MS_REMOUNT | syscalls.MS_BIND | syscalls.MS_RDONLY);
}

export function unbind(target: string): void {
  syscalls.umount2(target, syscalls.MNT_DETACH);
}

/**
 * Tests: the host's `/` as a container root runc may create mount points in (the image's root
 * has them; the host's lacks /system). An overlay with `/` as its only lower layer and its upper
 * layer on a private tmpfs (an upper directory inside the lower one would be refused).
 * Returns the root's path and a release that unmounts both.
 */
export async function hostRootOverlay(dir: string): Promise<{ path: string; release: () => void }> {
  const { mkdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const scratch = join(dir, 'scratch');
  const merged = join(dir, 'merged');
  await mkdir(scratch, { recursive: true });
  await mkdir(merged, { recursive: true });
  syscalls.mount('tmpfs', scratch, 'tmpfs', 0, 'mode=0700');
  try {
    await mkdir(join(scratch, 'upper'));
    await mkdir(join(scratch, 'work'));
    syscalls.mount(
      'overlay',
      merged,
      'overlay',
      0,
      `lowerdir=/,upperdir=${join(scratch, 'upper')},workdir=${join(scratch, 'work')}`,
    );
  } catch (err) {
    syscalls.umount2(scratch, syscalls.MNT_DETACH);
    throw err;
  }
  return {
    path: merged,
    release: () => {
      syscalls.umount2(merged, syscalls.MNT_DETACH);
      syscalls.umount2(scratch, syscalls.MNT_DETACH);
    },
  };
}
