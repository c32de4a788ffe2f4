// Coldplug: devices the kernel announced before udevd listened (everything present at boot) are
// announced again by writing "add" to each device's uevent file under /sys/devices, as
// `udevadm trigger --action=add` does. Symlinks are not followed: sysfs links point back into the
// same tree (and would loop).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ColdplugResult {
  triggered: number;
  /** Uevent files the kernel refused (some drivers reject synthetic events), with the reason. */
  failed: { file: string; error: string }[];
}

export async function coldplug(
  devicesDir: string,
  write: (file: string, action: string) => Promise<void> = (f, a) => fs.promises.writeFile(f, a),
): Promise<ColdplugResult> {
  const result: ColdplugResult = { triggered: 0, failed: [] };
  const walk = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return; // a device removed while we walk
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name === 'uevent') {
        try {
          await write(p, 'add');
          result.triggered++;
        } catch (err) {
          result.failed.push({ file: p, error: (err as Error).message });
        }
      }
    }
  };
  await walk(devicesDir);
  return result;
}
