// For measuring a boot (`bench:boot --profile`): with `talos.cpuprofile=<seconds>` on the kernel
// command line, the loader has each Node process of the image record a V8 CPU profile of its first
// <seconds>, written to `/system/run/<name>/<name>.cpuprofile` (NodePaths.cpuProfile), where
// `talosctl read` reaches it.
// Under emulation the costs that matter show only in the VM (a root-store parse took 0.05 s under
// qemu-user and a second in the VM), so the profile has to be taken there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CPU_PROFILE_INTERVAL_US, KERNEL_ARG_CPU_PROFILE } from '@talos/constants';
import { KernelCmdline } from '@talos/kernel';

/** The seconds `talos.cpuprofile=` asks for, or undefined (absent, or not a positive number). */
export function cpuProfileSeconds(cmdline: string): number | undefined {
  const value = KernelCmdline.parse(cmdline).get(KERNEL_ARG_CPU_PROFILE);
  const seconds = Number(value);
  return value !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * Profiles this process for `seconds`, then writes the profile to `file`. Never keeps the process
 * alive, and never fails it: a profile that cannot be written is reported on stderr.
 */
export function startCpuProfile(file: string, seconds: number, done?: () => void): void {
  // Loaded only when asked for: the inspector is not part of an ordinary start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const inspector = require('node:inspector') as typeof import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: CPU_PROFILE_INTERVAL_US });
  session.post('Profiler.start');
  const timer = setTimeout(() => {
    session.post('Profiler.stop', (err, res) => {
      try {
        if (err) throw err;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(res.profile));
      } catch (e) {
        process.stderr.write(`cpu profile ${file}: ${(e as Error).message}\n`);
      }
      session.disconnect();
      done?.();
    });
  }, seconds * 1000);
  timer.unref();
}
