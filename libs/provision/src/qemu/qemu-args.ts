// The QEMU command line of one node: direct kernel boot of the image (vmlinuz + initramfs, which
// carries rootfs.sqsh), the serial console into a file, and user-mode networking with apid's port
// forwarded to the host's loopback. No -no-reboot: a guest reboot restarts the same QEMU process,
// as a machine's reset would; a guest power-off ends it.
import { APID_PORT } from '@talos/constants';
import type { Accelerator } from './accel';

export interface QemuNodeSpec {
  kernel: string;
  initramfs: string;
  cmdline: string;
  memoryMb: number;
  cpus: number;
  accel: Accelerator;
  consoleLog: string;
  /** Host loopback port forwarded to the guest's apid. */
  apiPort: number;
  /** Extra disks (raw files), attached as virtio disks in order (vda, vdb, ...). */
  disks?: readonly string[];
}

export function qemuArgs(spec: QemuNodeSpec): string[] {
  const args = [
    '-name',
    'talos',
    '-nodefaults',
    '-no-user-config',
    '-display',
    'none',
    '-accel',
    spec.accel,
    '-cpu',
    spec.accel === 'kvm' ? 'host' : 'max',
    '-smp',
    String(spec.cpus),
    '-m',
    String(spec.memoryMb),
    '-serial',
    `file:${spec.consoleLog}`,
    '-kernel',
    spec.kernel,
    '-initrd',
    spec.initramfs,
    '-append',
    spec.cmdline,
    '-netdev',
    `user,id=net0,hostfwd=tcp:127.0.0.1:${spec.apiPort}-:${APID_PORT}`,
    '-device',
    'virtio-net-pci,netdev=net0',
    '-device',
    'virtio-rng-pci',
  ];
  for (const [i, disk] of (spec.disks ?? []).entries()) {
    args.push('-drive', `file=${disk},format=raw,if=virtio,index=${i},cache=unsafe`);
  }
  return args;
}
