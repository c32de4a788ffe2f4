// Starting and stopping node processes. Each node's machined leads its own process group, so
// the node's daemons (machined's children) can be ended together, and only them.
import * as fs from 'node:fs';

/** Is `pid` alive (and, where /proc tells us, still running `marker`)? */
export function isRunning(pid: number, marker?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!marker) return true;
  try {
    // Guards against a recycled pid: the process must still be the one we started.
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    // No /proc (not Linux) or a zombie: trust kill(0).
    return true;
  }
}

function signal(target: number, sig: NodeJS.Signals): void {
  try {
    process.kill(target, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM to the group leader (machined stops its services itself), then, after `graceMs`,
 * SIGKILL to the whole group for whatever is left. Resolves when the leader is gone.
 */
export async function stopProcessGroup(
  pid: number,
  opts: { graceMs: number; marker?: string; pollMs?: number },
): Promise<'stopped' | 'killed' | 'absent'> {
  if (!isRunning(pid, opts.marker)) {
    // The leader may be gone while stragglers of its group live on.
    signal(-pid, 'SIGKILL');
    return 'absent';
  }
  signal(pid, 'SIGTERM');
  const poll = opts.pollMs ?? 100;
  const deadline = Date.now() + opts.graceMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) {
      signal(-pid, 'SIGKILL');
      return 'stopped';
    }
    await sleep(poll);
  }
  signal(-pid, 'SIGKILL');
  while (isRunning(pid)) await sleep(poll);
  return 'killed';
}
