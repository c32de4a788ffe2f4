// Each QEMU node's disk: a sparse raw file in the cluster's state folder, attached as the first
// virtio disk (the guest's /dev/vda, the configs' install disk). machined partitions it on the
// node's first boot; `cluster destroy` removes it with the rest of the state folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QEMU_DISK_SUFFIX } from '@talos/constants';

const MiB = 1024 * 1024;

/** `<stateDir>/<node>.disk`. */
export function nodeDiskPath(stateDir: string, node: string): string {
  return path.join(stateDir, `${node}${QEMU_DISK_SUFFIX}`);
}

/** Creates the disk file, sparse (no block is allocated until the guest writes), 0600: it will hold the node's keys. */
export function createNodeDisk(file: string, sizeMb: number): void {
  if (!Number.isInteger(sizeMb) || sizeMb <= 0) throw new Error(`invalid disk size ${sizeMb} MB`);
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    throw new Error(`error creating node disk ${file}: ${(err as Error).message}`);
  }
  try {
    fs.ftruncateSync(fd, sizeMb * MiB);
  } finally {
    fs.closeSync(fd);
  }
}
