// The QEMU command line of one node: direct kernel boot of the image (vmlinuz + initramfs, which
// carries rootfs.sqsh), the serial console into a file, and restricted user-mode networking: the
// guest reaches nothing outside, apid's port is forwarded to the host's loopback, and the guest's
// connections to SLIRP_CONFIG_ADDRESS:80 get the config response (guestfwd). -no-reboot: a guest
// reboot ends QEMU, and the launcher starts a fresh one (launcher.ts says why).
import { APID_PORT, SLIRP_CONFIG_ADDRESS } from '@talos/constants';
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
  /** A file holding the HTTP response with the config, sent to each guest connection (if any). */
  configResponse?: string;
  /** Extra disks (raw files), attached as virtio disks in order (vda, vdb, ...). */
  disks?: readonly string[];
}

/** QEMU splits its options at commas and runs guestfwd's command through a shell: keep paths plain. */
function plainPath(file: string): string {
  if (!/^[A-Za-z0-9._/-]+$/.test(file)) {
    throw new Error(
      `path ${JSON.stringify(file)} cannot go on QEMU's command line: use letters, digits, ., _, -, /`,
    );
  }
  return file;
}

export function qemuArgs(spec: QemuNodeSpec): string[] {
  const netdev = ['user', 'id=net0', 'restrict=on', `hostfwd=tcp:127.0.0.1:${spec.apiPort}-:${APID_PORT}`];
  if (spec.configResponse) {
    netdev.push(`guestfwd=tcp:${SLIRP_CONFIG_ADDRESS}:80-cmd:cat ${plainPath(spec.configResponse)}`);
  }
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
    // Appended to, not truncated: the launcher starts QEMU again when the guest reboots.
    '-chardev',
    `file,id=console,path=${plainPath(spec.consoleLog)},append=on`,
    '-serial',
    'chardev:console',
    // A guest reboot ends QEMU; the launcher starts a fresh one (launcher.ts).
    '-no-reboot',
    '-kernel',
    spec.kernel,
    '-initrd',
    spec.initramfs,
    '-append',
    spec.cmdline,
    '-netdev',
    netdev.join(','),
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
