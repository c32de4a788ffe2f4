import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { bundleDaemon, healthStatus, makeTmpDir, startDaemon, waitFor, type TmpDir } from '@talos/testing';
import { Udevd } from './udevd';

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
