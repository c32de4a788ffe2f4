// The image booted under QEMU without a configuration: machined as PID 1 brings the network up
// (DHCP) and waits in maintenance mode; `cluster create --with-apply-config` sends the config as
// `apply-config --insecure` does, through the forwarded API port, and the node boots with it. The
// config lands on the STATE partition: rebooted, the node comes back with it, not in maintenance.
import { createQemuCluster, eventually, tableRows, type QemuCluster } from './harness';

const NAME = 'talos-e2e-qemu-maint';
const BOOT_TIMEOUT_MS = 8 * 60_000;

jest.setTimeout(BOOT_TIMEOUT_MS * 2);

let cluster: QemuCluster | undefined;

afterAll(async () => {
  await cluster?.destroy();
});

it('boots into maintenance mode, takes its config over the insecure API, comes up, and keeps it across a reboot', async () => {
  try {
    cluster = await createQemuCluster(NAME, BOOT_TIMEOUT_MS, ['--with-apply-config']);
    const dmesg = await cluster.talosctl.run(['dmesg']);
    expect(dmesg.stdout).toMatch(/no machine config: maintenance mode on port 50000/);
    expect(dmesg.stdout).toMatch(/configuration applied in maintenance mode/);
    await eventually(
      async () => {
        const rows = tableRows((await cluster!.talosctl.run(['services'])).stdout).slice(1);
        return rows.some((r) => r[1] === 'apid' && r[2] === 'Running') &&
          rows.some((r) => r[1] === 'containerd' && r[2] === 'Running')
          ? rows
          : undefined;
      },
      BOOT_TIMEOUT_MS,
      'the configured node to run its services',
    );

    // The applied config is on STATE: after a reboot the node comes up without maintenance mode.
    const bootId = async (): Promise<string> =>
      (await cluster!.talosctl.run(['read', '/proc/sys/kernel/random/boot_id'])).stdout.trim();
    const before = await bootId();
    expect(before).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cluster.talosctl.run(['reboot'])).code).toBe(0);
    await eventually(
      async () => {
        const id = await bootId().catch(() => '');
        return id !== '' && id !== before ? id : undefined;
      },
      BOOT_TIMEOUT_MS,
      'the node to come back from the reboot with its config',
    );
    const again = (await cluster.talosctl.run(['dmesg'])).stdout;
    expect(again).toMatch(/loaded the machine config from STATE \(\/dev\/vda1\)/);
    expect(again).not.toMatch(/maintenance mode on port 50000/);
  } catch (err) {
    throw cluster ? cluster.failure('maintenance', err) : err;
  }
});
