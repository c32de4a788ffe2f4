// Every process visible in /proc as machine.ProcessInfo (what `talosctl processes` shows).
import { readdir, readFile, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

const USER_HZ = 100;
// Linux on x86-64 and arm64 (4K kernels); /proc reports rss in pages.
const PAGE_SIZE = 4096;

type ProcessInfo = machine.ProcessInfo.$Properties;

/** Parses /proc/<pid>/stat; the command sits in parentheses and may itself contain them. */
export function parseProcStat(text: string): Omit<ProcessInfo, 'executable' | 'args'> {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open === -1 || close === -1) throw new Error('error parsing process stat');
  const pid = Number(text.slice(0, open).trim());
  const command = text.slice(open + 1, close);
  // Fields after the command, numbered from 3 (state) as in proc(5).
  const f = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (n: number): string => f[n - 3] ?? '0';
  return {
    pid,
    command,
    state: field(3),
    ppid: Number(field(4)),
    cpuTime: (Number(field(14)) + Number(field(15))) / USER_HZ,
    threads: Number(field(20)),
    virtualMemory: Number(field(23)),
    residentMemory: Number(field(24)) * PAGE_SIZE,
  };
}

async function readProcess(procDir: string, pid: string): Promise<ProcessInfo | undefined> {
  const dir = path.join(procDir, pid);
  let stat;
  try {
    stat = parseProcStat(await readFile(path.join(dir, 'stat'), 'utf8'));
  } catch {
    return undefined; // gone between readdir and read
  }
  const cmdline = await readFile(path.join(dir, 'cmdline')).catch(() => Buffer.alloc(0));
  const executable = await readlink(path.join(dir, 'exe')).catch(() => '');
  const args = cmdline.toString('utf8').replace(/\0+$/, '').split('\0').join(' ');
  return { ...stat, executable, args };
}

export async function readProcesses(procDir = '/proc'): Promise<ProcessInfo[]> {
  const pids = (await readdir(procDir)).filter((name) => /^\d+$/.test(name));
  const infos = await Promise.all(pids.map((pid) => readProcess(procDir, pid)));
  return infos.filter((p): p is ProcessInfo => p !== undefined).sort((a, b) => (a.pid ?? 0) - (b.pid ?? 0));
}
