// The daemons of one process-mode node, found in /proc: a node's daemons are `node
// <bundleDir>/<daemon>/main.js --root <node root> ...`, so the bundle path and the exact `--root`
// argument pick them out (node-1 vs node-10 cannot be confused).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DAEMONS, daemonBundle, type Daemon } from '@talos/constants';

export type DaemonPids = Partial<Record<Daemon, number>>;

function argvOf(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined; // gone meanwhile
  }
}

function procPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

export function findDaemonPids(nodeRoot: string, bundleDir: string): DaemonPids {
  const bundles = new Map<string, Daemon>(DAEMONS.map((d) => [path.resolve(daemonBundle(d, bundleDir)), d]));
  const found: DaemonPids = {};
  for (const pid of procPids()) {
    const argv = argvOf(pid);
    if (!argv) continue;
    const daemon = argv.map((a) => bundles.get(path.resolve(a))).find((d) => d !== undefined);
    const rootAt = argv.indexOf('--root');
    if (daemon && rootAt >= 0 && argv[rootAt + 1] === nodeRoot) found[daemon] = pid;
  }
  return found;
}

/** Every process whose command line mentions `marker` (a temp folder of ours): for the last sweep. */
export function pidsMentioning(marker: string): number[] {
  return procPids().filter(
    (pid) => pid !== process.pid && (argvOf(pid) ?? []).some((a) => a.includes(marker)),
  );
}

export interface MemorySample {
  /** Resident set size. */
  rssKb: number;
  /** Proportional set size: shared pages split among the processes sharing them. */
  pssKb: number;
  /** Pages no other process maps (private clean + private dirty): what stopping it would free. */
  privateKb: number;
}

export function sampleMemory(pid: number): MemorySample {
  const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    if (!m) throw new Error(`error reading /proc/${pid}/smaps_rollup: no ${name}`);
    return Number(m[1]);
  };
  return {
    rssKb: field('Rss'),
    pssKb: field('Pss'),
    privateKb: field('Private_Clean') + field('Private_Dirty'),
  };
}
