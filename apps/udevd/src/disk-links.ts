// /dev/disk/by-{id,path,uuid,label} for block devices, kept in step with uevents: "add" and
// "change" (re)create a device's links, "remove" deletes them. Names follow udev's conventions
// (60-persistent-storage.rules, path_id): relative targets (../../vda1), special characters of
// labels escaped as \xNN, partitions suffixed -partN.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '@talos/log';
import { type FsInfo, probeFilesystem } from './fs-probe';

/** A block device as a uevent describes it. */
export interface BlockDevice {
  action: string;
  /** DEVNAME: 'vda1', 'loop0', 'nvme0n1p2'. */
  devname: string;
  /** DEVPATH under /sys. */
  devpath: string;
  /** DEVTYPE: 'disk' or 'partition'. */
  devtype?: string;
  partn?: number;
}

export interface DiskLinkerOptions {
  /** The /dev the links go in (`<dev>/disk/by-*`). */
  devDir: string;
  logger: Logger;
  /** Where the device node is opened for probing; `<devDir>/<devname>` by default. */
  nodePath?: (devname: string) => string;
  /** The sysfs mount (serial numbers, models); /sys by default. */
  sysDir?: string;
  probe?: (node: string) => Promise<FsInfo | undefined>;
}

/** udev's allowed characters in link names; anything else becomes \xNN. */
export function encodeLinkName(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9#+\-.:=@_]/.test(ch) ? ch : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Whitespace runs to one underscore, as udev's ID_SERIAL does. */
function idPart(s: string): string {
  return s.trim().replace(/\s+/g, '_');
}

export class DiskLinker {
  /** Links created per device, so "remove" deletes exactly those. */
  private readonly links = new Map<string, string[]>();
  private readonly sysDir: string;

  constructor(private readonly opts: DiskLinkerOptions) {
    this.sysDir = opts.sysDir ?? '/sys';
  }

  /** The links of each device, relative to devDir ('disk/by-uuid/…'). */
  snapshot(): Record<string, string[]> {
    return Object.fromEntries([...this.links].map(([k, v]) => [k, [...v]]));
  }

  async handle(dev: BlockDevice): Promise<void> {
    if (dev.action === 'remove') return this.removeLinks(dev.devname);
    if (dev.action !== 'add' && dev.action !== 'change') return;
    const wanted = await this.linksFor(dev);
    const had = this.links.get(dev.devname) ?? [];
    for (const l of had) if (!wanted.includes(l)) await this.unlink(l, dev.devname);
    for (const l of wanted) await this.symlink(l, dev.devname);
    if (wanted.length) this.links.set(dev.devname, wanted);
    else this.links.delete(dev.devname);
    if (wanted.join() !== had.join())
      this.opts.logger.debug({ device: dev.devname, links: wanted }, 'disk links');
  }

  private async linksFor(dev: BlockDevice): Promise<string[]> {
    const out: string[] = [];
    const suffix = dev.devtype === 'partition' && dev.partn !== undefined ? `-part${dev.partn}` : '';
    const id = this.diskId(dev);
    if (id) out.push(`disk/by-id/${encodeLinkName(id + suffix)}`);
    const byPath = pathId(dev.devpath);
    if (byPath) out.push(`disk/by-path/${byPath}${suffix}`);
    let info: FsInfo | undefined;
    try {
      info = await (this.opts.probe ?? probeFilesystem)(this.nodePath(dev.devname));
    } catch (err) {
      // An empty drive (no medium) or a device gone already: links by content make no sense.
      this.opts.logger.debug({ device: dev.devname, err: (err as Error).message }, 'not probing device');
    }
    if (info?.uuid) out.push(`disk/by-uuid/${encodeLinkName(info.uuid)}`);
    if (info?.label) out.push(`disk/by-label/${encodeLinkName(info.label)}`);
    return out;
  }

  /** virtio-<serial>, nvme-<model>_<serial>, or wwn-<wwid>: what udev's by-id carries for these buses. */
  private diskId(dev: BlockDevice): string | undefined {
    // A partition's identity is its disk's: /sys/<devpath>/.. is the disk.
    const disk = path.join(this.sysDir, dev.devpath, dev.devtype === 'partition' ? '..' : '');
    const read = (...p: string[]): string | undefined => {
      try {
        const v = fs.readFileSync(path.join(disk, ...p), 'utf8').trim();
        return v === '' ? undefined : v;
      } catch {
        return undefined;
      }
    };
    if (dev.devpath.includes('/virtio')) {
      const serial = read('serial');
      return serial ? `virtio-${idPart(serial)}` : undefined;
    }
    if (/\/nvme\d+n\d+/.test(dev.devpath)) {
      const model = read('device', 'model');
      const serial = read('device', 'serial');
      return model && serial ? `nvme-${idPart(model)}_${idPart(serial)}` : undefined;
    }
    const wwid = read('device', 'wwid');
    if (wwid?.startsWith('naa.')) return `wwn-0x${wwid.slice(4)}`;
    return undefined;
  }

  private nodePath(devname: string): string {
    return this.opts.nodePath ? this.opts.nodePath(devname) : path.join(this.opts.devDir, devname);
  }

  private async symlink(link: string, devname: string): Promise<void> {
    const at = path.join(this.opts.devDir, link);
    const target = path.join('..', '..', devname);
    await fs.promises.mkdir(path.dirname(at), { recursive: true });
    try {
      if ((await fs.promises.readlink(at)) === target) return;
    } catch {
      // missing: create it
    }
    // Replace atomically: another device may have held the name (two disks, one label).
    const tmp = `${at}.tmp-${process.pid}`;
    await fs.promises.rm(tmp, { force: true });
    await fs.promises.symlink(target, tmp);
    await fs.promises.rename(tmp, at);
  }

  private async unlink(link: string, devname: string): Promise<void> {
    const at = path.join(this.opts.devDir, link);
    try {
      // Only our own: a later device may have taken the name.
      if ((await fs.promises.readlink(at)) === path.join('..', '..', devname)) await fs.promises.unlink(at);
    } catch {
      // already gone
    }
  }

  private async removeLinks(devname: string): Promise<void> {
    for (const l of this.links.get(devname) ?? []) await this.unlink(l, devname);
    this.links.delete(devname);
  }
}

/**
 * udev's path_id for the buses a node meets: the PCI address of the controller, then the SCSI
 * address (H:C:T:L), or the NVMe namespace, or nothing more (virtio-blk). Virtual devices (loop,
 * ram, dm) have no path.
 */
export function pathId(devpath: string): string | undefined {
  if (devpath.startsWith('/devices/virtual/')) return undefined;
  const pci = [...devpath.matchAll(/\/([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])(?=\/)/g)].pop()?.[1];
  if (!pci) return undefined;
  const scsi = /\/(\d+:\d+:\d+:\d+)\/block\//.exec(devpath)?.[1];
  if (scsi) return `pci-${pci}-scsi-${scsi}`;
  const nvme = /\/nvme\d+n(\d+)(?:\/|$)/.exec(devpath)?.[1];
  if (nvme) return `pci-${pci}-nvme-${nvme}`;
  return `pci-${pci}`;
}
