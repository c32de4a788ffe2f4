// Sysctls machined applies at boot: the KSPP recommendations plus what a Kubernetes node needs.
import * as path from 'node:path';

export interface Sysctl {
  /** Dotted name as sysctl(8) writes it: `kernel.kptr_restrict`. */
  name: string;
  value: string;
}

export const KSPP_SYSCTLS: readonly Sysctl[] = [
  { name: 'kernel.kptr_restrict', value: '2' },
  { name: 'kernel.dmesg_restrict', value: '1' },
  { name: 'kernel.perf_event_paranoid', value: '3' },
  { name: 'kernel.randomize_va_space', value: '2' },
  { name: 'kernel.yama.ptrace_scope', value: '2' },
  { name: 'kernel.unprivileged_bpf_disabled', value: '1' },
  { name: 'net.core.bpf_jit_harden', value: '2' },
  { name: 'vm.unprivileged_userfaultfd', value: '0' },
  { name: 'fs.protected_symlinks', value: '1' },
  { name: 'fs.protected_hardlinks', value: '1' },
  { name: 'fs.protected_fifos', value: '2' },
  { name: 'fs.protected_regular', value: '2' },
  { name: 'fs.suid_dumpable', value: '0' },
  { name: 'dev.tty.ldisc_autoload', value: '0' },
];

/** Pods route through the node; a panic reboots after 10 s rather than hanging. */
export const NODE_SYSCTLS: readonly Sysctl[] = [
  { name: 'net.ipv4.ip_forward', value: '1' },
  { name: 'kernel.panic', value: '10' },
];

export const BOOT_SYSCTLS: readonly Sysctl[] = [...KSPP_SYSCTLS, ...NODE_SYSCTLS];

/**
 * The file under `<procRoot>/sys` that sets a sysctl. Dots separate levels; a slash in a name
 * stands for a dot inside one level (sysctl(8): `net.ipv4.conf.eth0/1.forwarding`).
 */
export function sysctlPath(name: string, procRoot = '/proc'): string {
  const parts = name.split('.').map((part) => part.replace(/\//g, '.'));
  // A level must stay one path component under /proc/sys: no empty, '.', '..' or slashes left.
  if (parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`invalid sysctl name: ${JSON.stringify(name)}`);
  }
  return path.join(procRoot, 'sys', ...parts);
}

/** Each sysctl with the file to write its value to. */
export function sysctlWrites(
  sysctls: readonly Sysctl[] = BOOT_SYSCTLS,
  procRoot = '/proc',
): { path: string; value: string }[] {
  return sysctls.map((s) => ({ path: sysctlPath(s.name, procRoot), value: s.value }));
}
