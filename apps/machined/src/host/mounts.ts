// Mounted filesystems with their size and free space (`talosctl mounts`): /proc/mounts, then statfs
// of each mount point; mount points that cannot be inspected are left out, as Talos does.
import { readFile, stat, statfs } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

/** /proc/mounts escapes space, tab, newline and backslash as octal (\040 ...). */
function unescapeMountField(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseMounts(text: string): { filesystem: string; mountedOn: string }[] {
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 2 && f[0] && f[1])
    .map((f) => ({ filesystem: unescapeMountField(f[0]!), mountedOn: unescapeMountField(f[1]!) }));
}

export async function readMounts(procDir = '/proc'): Promise<machine.MountStat.$Properties[]> {
  const mounts = parseMounts(await readFile(path.join(procDir, 'mounts'), 'utf8'));
  const stats = await Promise.all(
    mounts.map(async ({ filesystem, mountedOn }) => {
      try {
        if (!(await stat(mountedOn)).isDirectory()) return undefined;
        const fs = await statfs(mountedOn);
        return { filesystem, mountedOn, size: fs.blocks * fs.bsize, available: fs.bavail * fs.bsize };
      } catch {
        return undefined;
      }
    }),
  );
  return stats.filter((s) => s !== undefined);
}
