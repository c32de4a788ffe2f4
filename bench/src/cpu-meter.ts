// CPU time over a measured interval: of given processes (the node's daemons) and of the whole
// machine, so the report can say where the cycles went and how much other tenants took.
import * as fs from 'node:fs';

/** Clock ticks per second of /proc times (USER_HZ; 100 on every Linux we run on). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, in milliseconds; NaN once it is gone. */
export function cpuTimeMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return NaN;
  }
  // The command name (field 2) may hold spaces; fields after it are plain numbers.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}

/** Busy CPU time of the whole machine so far (all cores, idle and iowait excluded), in ms. */
export function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...ticks] = line.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return ((user + nice + system + irq + softirq + steal) * 1000) / USER_HZ;
}

export interface CpuUse {
  elapsedMs: number;
  /** CPU ms of each watched process over the interval. */
  byName: Record<string, number>;
  /** CPU ms of the machine as a whole over the interval. */
  machineMs: number;
}

export class CpuMeter {
  private readonly start: Record<string, number>;
  private readonly machine0 = machineBusyMs();
  private readonly t0 = performance.now();

  constructor(private readonly pids: Readonly<Record<string, number>>) {
    this.start = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuTimeMs(pid)]));
  }

  stop(): CpuUse {
    const byName = Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => [name, cpuTimeMs(pid) - (this.start[name] as number)]),
    );
    return { elapsedMs: performance.now() - this.t0, byName, machineMs: machineBusyMs() - this.machine0 };
  }
}
