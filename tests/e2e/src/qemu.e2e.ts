// One node of the real image (kernel, initramfs, signed rootfs.sqsh, machined as PID 1, the
// daemons as containers in containerd's `system` namespace) booted under QEMU, and driven the
// way an operator drives it: talosctl → apid (forwarded port) → routerd → daemon. The node's
// console log is copied to _out/artifacts when a step fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMAGE_KERNEL_FILE } from '@talos/constants';
import { isRunning } from '@talos/provision';
import { REPO, createQemuCluster, eventually, tableRows, type QemuCluster } from './harness';

const NAME = 'talos-e2e-qemu';
const IMAGE = path.join(REPO, '_out', 'image');
/** Software emulation: boots take a while, and the first boot pays for the cold page cache. */
const BOOT_TIMEOUT_MS = 8 * 60_000;
const SERVICES = ['machined', 'containerd', 'apid', 'routerd', 'networkd', 'timed', 'trustd', 'udevd'];
const CONTAINERS = ['apid', 'routerd', 'networkd', 'timed', 'trustd', 'udevd'];

jest.setTimeout(BOOT_TIMEOUT_MS * 2);

let cluster: QemuCluster;

/** Runs a step; on failure keeps the console log next to the error. */
async function step<T>(label: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    throw cluster ? cluster.failure(label, err) : err;
  }
}

async function talosctl(args: string[], timeoutMs = 60_000): Promise<string> {
  const r = await cluster.talosctl.run(args, timeoutMs);
  if (r.code !== 0)
    throw new Error(`talosctl ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Rows of `talosctl services` once every service is Running and healthy (or the time is up). */
function allServicesUp(timeoutMs: number): Promise<string[][]> {
  return eventually(
    async () => {
      const rows = tableRows(await talosctl(['services'])).slice(1);
      const up = (id: string): boolean =>
        rows.some((r) => r[1] === id && r[2] === 'Running' && (r[3] === 'OK' || r[3] === '?'));
      return SERVICES.every(up) ? rows : undefined;
    },
    timeoutMs,
    `every service Running and healthy (${SERVICES.join(', ')})`,
  );
}

async function bootId(): Promise<string> {
  return (await talosctl(['read', '/proc/sys/kernel/random/boot_id'])).trim();
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(IMAGE, IMAGE_KERNEL_FILE))) {
    throw new Error(`${IMAGE} has no image: scripts/test.sh builds it (npx nx run image:build)`);
  }
  cluster = await createQemuCluster(NAME, BOOT_TIMEOUT_MS);
});

afterAll(async () => {
  await cluster?.destroy();
});

describe('a node booted from the image under QEMU', () => {
  it('brings every service up: machined as PID 1, containerd, the daemons as containers', async () => {
    await step('services', async () => {
      const rows = await allServicesUp(BOOT_TIMEOUT_MS);
      expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(SERVICES));
      const processes = tableRows(await talosctl(['processes']));
      const pid1 = processes.find((r) => r[1] === '1');
      expect(pid1?.[7]).toMatch(/machined/);
      expect(processes.some((r) => /containerd/.test(r[7] ?? ''))).toBe(true);
      // NODE PID STATE ...: no zombie is left, such as the initramfs's read-ahead child, which
      // exits after the switch to machined and is reaped by it as an orphan.
      expect(processes.filter((r) => r[2] === 'Z')).toEqual([]);
    });
  });

  it('answers version, containers, logs, dmesg, memory', async () => {
    await step('calls', async () => {
      expect(await talosctl(['version'])).toMatch(/Server:[\s\S]*Tag:/);

      // NODE NAMESPACE ID IMAGE PID STATUS; system containers have no image, so that cell is empty.
      const containers = tableRows(await talosctl(['containers'])).slice(1);
      for (const id of CONTAINERS) {
        const row = containers.find((r) => r[2] === id);
        expect(row).toBeDefined();
        expect(row![1]).toBe('system');
        expect(Number(row!.find((cell) => /^\d+$/.test(cell)))).toBeGreaterThan(1);
        expect(row![row!.length - 1]).toBe('RUNNING');
      }

      expect(await talosctl(['logs', 'apid'])).toMatch(/apid/);
      expect(await talosctl(['logs', 'machined'])).toMatch(/containerd/);
      expect(await talosctl(['dmesg'])).toMatch(/Linux version 6\./);
      const memory = tableRows(await talosctl(['memory']));
      expect(memory[0]).toEqual(expect.arrayContaining(['TOTAL', 'USED', 'FREE']));
      expect(Number(memory[1]?.[1])).toBeGreaterThan(1000);
    });
  });

  it('reboots: the node comes back with a new boot id and every service up', async () => {
    await step('reboot', async () => {
      const before = await bootId();
      // First boot: the blank disk got STATE and EPHEMERAL, and the config went onto STATE.
      const firstBoot = await talosctl(['dmesg']);
      expect(firstBoot).toContain('machined: partitioned install disk /dev/vda: STATE /dev/vda1');
      expect(firstBoot).toContain('machined: stored the machine config on STATE (/dev/vda1)');
      await talosctl(['reboot']);
      const after = await eventually(
        async () => {
          const id = await bootId();
          return id !== before ? id : undefined;
        },
        BOOT_TIMEOUT_MS,
        'the node to come back with a new boot id',
      );
      expect(after).toMatch(/^[0-9a-f-]{36}$/);
      await allServicesUp(BOOT_TIMEOUT_MS);
      // The second boot took the config from STATE and did not fetch talos.config=.
      const dmesg = await talosctl(['dmesg']);
      expect(dmesg).toContain('machined: loaded the machine config from STATE (/dev/vda1)');
      expect(dmesg).toContain('machined: found the EPHEMERAL filesystem on /dev/vda2');
      expect(dmesg).not.toContain('machined: machine config from http');
    });
  });

  it('shuts down: QEMU exits', async () => {
    await step('shutdown', async () => {
      await talosctl(['shutdown']);
      await eventually(
        async () => (isRunning(cluster.node.pid) ? undefined : true),
        3 * 60_000,
        'the QEMU launcher to exit after shutdown',
      );
      const show = await talosctl(['cluster', 'show', '--provisioner', 'qemu', '--name', NAME]);
      expect(show).toMatch(/stopped/);
    });
  });
});
