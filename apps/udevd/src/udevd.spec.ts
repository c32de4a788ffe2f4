import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { execFileSync } from 'node:child_process';
import { UeventListener, type Datagram } from '@talos/sys';
import { bundleDaemon, healthStatus, makeTmpDir, startDaemon, waitFor, type TmpDir } from '@talos/testing';
import { Udevd, blockDevice } from './udevd';

/** A uevent source fed by the test: datagrams as the kernel sends them. */
function feed(): { source: Parameters<typeof UeventListener.fromSource>[0]; push(d: string): void } {
  const queue: Datagram[] = [];
  let wake: (() => void) | undefined;
  return {
    push(d) {
      queue.push({ data: Buffer.from(d), senderPid: 0 });
      wake?.();
    },
    source: {
      async receive(signal?: AbortSignal): Promise<Datagram> {
        while (queue.length === 0) {
          await new Promise<void>((resolve, reject) => {
            wake = resolve;
            signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          });
        }
        return queue.shift()!;
      },
      close() {},
    },
  };
}

/** A synthetic "change" uevent on loopback, tagged; false when we may not write it (not root). */
function triggerUevent(tag: string): boolean {
  try {
    fs.writeFileSync('/sys/class/net/lo/uevent', `change ${tag}`);
    return true;
  } catch {
    return false;
  }
}

describe('udevd', () => {
  let tmp: TmpDir;
  beforeAll(async () => {
    tmp = await makeTmpDir('udevd-');
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('reports SERVING even when the uevent socket cannot be opened', async () => {
    const socket = new NodePaths(path.join(tmp.path, 'a')).socket('udevd');
    const udevd = await Udevd.start({
      socketPath: socket,
      logger: silentLogger(),
      open: () => {
        throw new Error('error opening kernel uevent socket: bind: EPERM (operation not permitted)');
      },
    });
    try {
      expect(await healthStatus(socket)).toBe(1);
      expect(udevd.stats().listening).toBe(false);
    } finally {
      await udevd.stop();
    }
  });

  it('maps block uevents to devices (partitions with their number)', () => {
    const env = {
      ACTION: 'add',
      DEVPATH: '/devices/pci0000:00/0000:00:04.0/virtio1/block/vda/vda2',
      SUBSYSTEM: 'block',
      DEVNAME: 'vda2',
      DEVTYPE: 'partition',
      PARTN: '2',
    };
    expect(blockDevice({ action: 'add', devpath: env.DEVPATH, subsystem: 'block', env })).toEqual({
      action: 'add',
      devname: 'vda2',
      devpath: env.DEVPATH,
      devtype: 'partition',
      partn: 2,
    });
    expect(
      blockDevice({ action: 'add', devpath: '/devices/virtual/net/lo', subsystem: 'net', env: {} }),
    ).toBeUndefined();
  });

  it('on a node it owns, links block devices from uevents under /dev/disk', async () => {
    const root = path.join(tmp.path, 'owned');
    const devDir = path.join(root, 'dev');
    fs.mkdirSync(devDir, { recursive: true });
    // A regular file stands in for the device node: the prober reads it the same way.
    const image = path.join(devDir, 'vdb');
    fs.writeFileSync(image, '');
    fs.truncateSync(image, 16 * 1024 * 1024);
    execFileSync('mkfs.ext4', ['-q', '-F', '-L', 'DATA', image]);
    const uevents = feed();
    const udevd = await Udevd.start({
      socketPath: new NodePaths(root).socket('udevd'),
      logger: silentLogger(),
      open: () => UeventListener.fromSource(uevents.source),
      devices: { devDir, sysDir: path.join(root, 'sys'), coldplug: false },
    });
    const label = path.join(devDir, 'disk', 'by-label', 'DATA');
    try {
      const devpath = '/devices/pci0000:00/0000:00:05.0/virtio2/block/vdb';
      uevents.push(
        `add@${devpath}\0ACTION=add\0DEVPATH=${devpath}\0SUBSYSTEM=block\0DEVNAME=vdb\0DEVTYPE=disk\0SEQNUM=7`,
      );
      await waitFor(async () => fs.existsSync(label), 5000, 'the by-label link');
      expect(fs.readlinkSync(label)).toBe('../../vdb');
      expect(fs.readlinkSync(path.join(devDir, 'disk', 'by-path', 'pci-0000:00:05.0'))).toBe('../../vdb');
      uevents.push(
        `remove@${devpath}\0ACTION=remove\0DEVPATH=${devpath}\0SUBSYSTEM=block\0DEVNAME=vdb\0DEVTYPE=disk\0SEQNUM=8`,
      );
      await waitFor(async () => !fs.existsSync(label), 5000, 'the link removed');
      expect(udevd.stats().total).toBe(2);
    } finally {
      await udevd.stop();
    }
  });

  it('runs as a process, logs uevents at debug level, and stops cleanly on SIGTERM', async () => {
    const root = path.join(tmp.path, 'node');
    const socket = new NodePaths(root).socket('udevd');
    const bundle = await bundleDaemon('udevd');
    const daemon = startDaemon(bundle.main, ['--root', root], { TALOS_LOG_LEVEL: 'debug' });
    try {
      await waitFor(() => healthStatus(socket).then((s) => s === 1), 10_000, 'udevd health');
      await waitFor(() => /listening to kernel uevents/.test(daemon.output()), 5000, 'the uevent listener');
      const listening = !daemon.output().includes('not listening to kernel uevents');
      if (listening && triggerUevent(randomUUID())) {
        await waitFor(() => /"msg":"uevent"/.test(daemon.output()), 5000, 'a logged uevent');
        expect(daemon.output()).toMatch(/"devpath":"\/devices\/virtual\/net\/lo"/);
      }
      expect(await daemon.stop()).toBe(0);
      expect(daemon.output()).toContain('udevd stopped');
    } finally {
      await daemon.stop();
      await bundle.cleanup();
    }
  }, 30_000);
});
