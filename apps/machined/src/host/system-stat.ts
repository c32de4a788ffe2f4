// /proc/stat as machine.SystemStat. CPU times are converted from clock ticks to seconds (USER_HZ is
// 100 on every Linux architecture we run on), as Talos reports them.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

const USER_HZ = 100;

const CPU_FIELDS = [
  'user',
  'nice',
  'system',
  'idle',
  'iowait',
  'irq',
  'softIrq',
  'steal',
  'guest',
  'guestNice',
] as const;
const SOFTIRQ_FIELDS = [
  'hi',
  'timer',
  'netTx',
  'netRx',
  'block',
  'blockIoPoll',
  'tasklet',
  'sched',
  'hrtimer',
  'rcu',
] as const;

function cpuStat(values: number[]): machine.CPUStat.$Properties {
  const out: Record<string, number> = {};
  CPU_FIELDS.forEach((f, i) => (out[f] = (values[i] ?? 0) / USER_HZ));
  return out;
}

export function parseSystemStat(text: string): machine.SystemStat.$Properties {
  const stat: machine.SystemStat.$Properties = { cpu: [], irq: [] };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (!key) continue;
    const nums = rest.map(Number);
    if (key === 'cpu') stat.cpuTotal = cpuStat(nums);
    else if (/^cpu\d+$/.test(key)) stat.cpu!.push(cpuStat(nums));
    else if (key === 'intr') {
      stat.irqTotal = nums[0] ?? 0;
      stat.irq = nums.slice(1);
    } else if (key === 'ctxt') stat.contextSwitches = nums[0] ?? 0;
    else if (key === 'btime') stat.bootTime = nums[0] ?? 0;
    else if (key === 'processes') stat.processCreated = nums[0] ?? 0;
    else if (key === 'procs_running') stat.processRunning = nums[0] ?? 0;
    else if (key === 'procs_blocked') stat.processBlocked = nums[0] ?? 0;
    else if (key === 'softirq') {
      stat.softIrqTotal = nums[0] ?? 0;
      const soft: Record<string, number> = {};
      SOFTIRQ_FIELDS.forEach((f, i) => (soft[f] = nums[i + 1] ?? 0));
      stat.softIrq = soft;
    }
  }
  return stat;
}

export async function readSystemStat(procDir = '/proc'): Promise<machine.SystemStat.$Properties> {
  return parseSystemStat(await readFile(path.join(procDir, 'stat'), 'utf8'));
}
