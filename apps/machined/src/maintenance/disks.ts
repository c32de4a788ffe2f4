// The node's disks as storage.StorageService/Disks reports them in maintenance mode (so an operator
// can pick an install disk): whole block devices from sysfs, without loop, RAM and device-mapper ones.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface DiskInfo {
  /** Bytes. */
  size: number;
  model: string;
  /** e.g. /dev/vda */
  deviceName: string;
}

const VIRTUAL = /^(loop|ram|zram|dm-|md|sr|nbd)\d*/;
const SECTOR_BYTES = 512;

async function readTrimmed(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    return '';
  }
}

export async function listDisks(sysBlock = '/sys/block'): Promise<DiskInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(sysBlock);
  } catch (err) {
    throw new Error(`error listing disks in ${sysBlock}: ${(err as Error).message}`);
  }
  const disks: DiskInfo[] = [];
  for (const name of names.sort()) {
    if (VIRTUAL.test(name)) continue;
    const sectors = Number(await readTrimmed(path.join(sysBlock, name, 'size')));
    if (!(sectors > 0)) continue;
    disks.push({
      size: sectors * SECTOR_BYTES,
      model: await readTrimmed(path.join(sysBlock, name, 'device', 'model')),
      deviceName: `/dev/${name}`,
    });
  }
  return disks;
}
