// The end of a metal node's life: once the services have stopped in order, every process left gets
// SIGTERM, then SIGKILL; the mounts are undone in reverse, dirty data synced, and reboot(2) restarts
// or powers off the machine. As init of a pid namespace (the tests), reboot(2) ends the namespace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { POWER_DOWN_KILL_GRACE_MS, PROC_PATH } from '@talos/constants';
import type { Logger } from '@talos/log';
import { syscalls } from '@talos/sys';
import type { MountedTable } from './mount-table';
import { parseProcStat } from './reaper';

export type PowerAction = 'reboot' | 'poweroff';

export interface PowerDownOptions {
  logger: Logger;
  mounts?: MountedTable;
  killGraceMs?: number;
  procRoot?: string;
  /** reboot(2) (tests in a pid namespace use the real one too: it ends only the namespace). */
  reboot?: (cmd: number) => void;
}

/**
 * Processes still running besides us: no zombies (they are dead, only not yet waited for) and no
 * kernel threads (kthreadd, pid 2, and its children), which signals do not reach.
 */
export function remainingProcesses(procRoot = PROC_PATH, self = process.pid): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync(procRoot)) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === self) continue;
    try {
      const stat = parseProcStat(fs.readFileSync(path.join(procRoot, name, 'stat'), 'utf8'));
      if (!stat || stat.state === 'Z' || stat.pid === 2 || stat.ppid === 2) continue;
      pids.push(pid);
    } catch {
      // exited since readdir
    }
  }
  return pids;
}

/** Signals every process but us (kill(2) with pid -1); only PID 1 may do this, anywhere else it is a disaster. */
export function signalAll(signal: NodeJS.Signals): void {
  if (process.pid !== 1) throw new Error(`refusing to signal every process: machined is not PID 1`);
  try {
    process.kill(-1, signal);
  } catch (err) {
    // ESRCH: nothing left to signal.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** SIGTERM to every process left, SIGKILL to those still there after the grace period. */
export async function killRemaining(opts: PowerDownOptions): Promise<void> {
  const procRoot = opts.procRoot ?? PROC_PATH;
  const left = remainingProcesses(procRoot);
  if (left.length === 0) return;
  opts.logger.info(`sending SIGTERM to ${left.length} remaining processes`);
  signalAll('SIGTERM');
  const deadline = Date.now() + (opts.killGraceMs ?? POWER_DOWN_KILL_GRACE_MS);
  while (Date.now() < deadline && remainingProcesses(procRoot).length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stubborn = remainingProcesses(procRoot);
  if (stubborn.length > 0) {
    opts.logger.warn(`sending SIGKILL to ${stubborn.length} remaining processes`);
    signalAll('SIGKILL');
  }
}

/** Kills what is left, unmounts, syncs and calls reboot(2). Returns only if reboot(2) failed. */
export async function powerDown(action: PowerAction, opts: PowerDownOptions): Promise<void> {
  const { logger } = opts;
  try {
    await killRemaining(opts);
  } catch (err) {
    logger.error(`error stopping remaining processes: ${(err as Error).message}`);
  }
  opts.mounts?.unmountAll();
  syscalls.sync();
  logger.info(action === 'reboot' ? 'rebooting' : 'powering off');
  const cmd = action === 'reboot' ? syscalls.LINUX_REBOOT_CMD_RESTART : syscalls.LINUX_REBOOT_CMD_POWER_OFF;
  try {
    (opts.reboot ?? syscalls.reboot)(cmd);
  } catch (err) {
    logger.error(`error calling reboot(2) to ${action}: ${(err as Error).message}`);
  }
}
