// The image booted under QEMU without a configuration: machined as PID 1 brings the network up
// (DHCP) and waits in maintenance mode; `cluster create --with-apply-config` sends the config as
// `apply-config --insecure` does, through the forwarded API port, and the node boots with it.
import { createQemuCluster, eventually, tableRows, type QemuCluster } from './harness';

const NAME = 'talos-e2e-qemu-maint';
const BOOT_TIMEOUT_MS = 8 * 60_000;

jest.setTimeout(BOOT_TIMEOUT_MS * 2);

let cluster: QemuCluster | undefined;

afterAll(async () => {
  await cluster?.destroy();
});

it('boots into maintenance mode, takes its config over the insecure API and comes up', async () => {
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
  } catch (err) {
    const kept = cluster?.keepConsole('maintenance');
    throw new Error(`${(err as Error).message}\nconsole log: ${kept ?? 'none'}`);
  }
});
