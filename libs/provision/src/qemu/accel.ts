// Which accelerator QEMU should use. /dev/kvm existing proves little (on some hosts KVM guests
// hang forever), so the probe boots the real kernel under KVM with no root file system: a working
// KVM reaches the "unable to mount root" panic in a fraction of a second and QEMU exits
// (-no-reboot, panic=-1); anything else within the timeout means software emulation (TCG).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { QEMU_BINARY, QEMU_KVM_PROBE_TIMEOUT_MS } from '@talos/constants';

export type Accelerator = 'kvm' | 'tcg';

export interface AccelChoice {
  accel: Accelerator;
  /** Why: shown to the operator ("KVM probe booted the kernel in 0.4s", "/dev/kvm is missing"). */
  reason: string;
}

export interface ProbeOptions {
  kernel: string;
  qemu?: string;
  timeoutMs?: number;
  kvmDevice?: string;
}

/** The kernel's last words when it has no root file system: proof that the guest ran. */
const PANIC_MARKER = /Kernel panic|VFS: Unable to mount root/;

export async function probeKvm(opts: ProbeOptions): Promise<AccelChoice> {
  const device = opts.kvmDevice ?? '/dev/kvm';
  try {
    fs.accessSync(device, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    return { accel: 'tcg', reason: `${device} is not usable (${(err as NodeJS.ErrnoException).code})` };
  }
  const timeoutMs = opts.timeoutMs ?? QEMU_KVM_PROBE_TIMEOUT_MS;
  const started = Date.now();
  const args = [
    '-accel',
    'kvm',
    '-cpu',
    'host',
    '-m',
    '256',
    '-nodefaults',
    '-no-user-config',
    '-display',
    'none',
    '-serial',
    'stdio',
    '-no-reboot',
    '-kernel',
    opts.kernel,
    '-append',
    'console=ttyS0 panic=-1',
  ];
  return new Promise((resolve) => {
    const child = spawn(opts.qemu ?? QEMU_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4096);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({
        accel: 'tcg',
        reason: `KVM probe could not run ${opts.qemu ?? QEMU_BINARY}: ${err.message}`,
      });
    });
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (PANIC_MARKER.test(output)) {
        resolve({ accel: 'kvm', reason: `KVM probe booted the kernel to its expected panic in ${seconds}s` });
      } else if (sig === 'SIGKILL') {
        resolve({ accel: 'tcg', reason: `KVM probe guest did not finish within ${timeoutMs / 1000}s` });
      } else {
        const last = output.trim().split('\n').slice(-1)[0] ?? '';
        resolve({ accel: 'tcg', reason: `KVM probe failed (exit ${code}): ${last}` });
      }
    });
  });
}

/** `--accel auto|kvm|tcg`: auto probes; kvm and tcg are taken as said. */
export async function chooseAccelerator(
  wanted: 'auto' | Accelerator,
  probe: () => Promise<AccelChoice>,
): Promise<AccelChoice> {
  if (wanted === 'kvm') return { accel: 'kvm', reason: 'requested (--accel kvm)' };
  if (wanted === 'tcg') return { accel: 'tcg', reason: 'requested (--accel tcg)' };
  return probe();
}
