// PID 1 inherits every orphan (a containerd shim's children, anything that double-forks); each one
// that exits stays a zombie until its parent waits for it. libuv waits for the processes Node spawned,
// each by its pid, and needs their status for the 'exit' event: a blanket wait(-1) would steal it.
// So the reaper waits only for zombies that are ours but that Node did not spawn.
import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROC_PATH, REAPER_SCAN_INTERVAL_MS } from '@talos/constants';
import type { Logger } from '@talos/log';
import { SyscallError, syscalls } from '@talos/sys';

/**
 * The pids of processes Node spawned that libuv has not reaped yet. Every spawn, exec, execFile
 * and fork goes through ChildProcess.prototype.spawn, whichever module calls it (the process runner,
 * the containerd runner, mkfs), so the registry hooks that one method rather than each caller.
 */
export class NodeChildren {
  private readonly pids = new Set<number>();
  private original: SpawnMethod | undefined;

  install(): void {
    if (this.original) return;
    const proto = spawnable();
    const original = proto.spawn;
    this.original = original;
    const pids = this.pids;
    proto.spawn = function (this: ChildProcess, options: unknown): unknown {
      const result = original.call(this, options);
      const pid = this.pid;
      if (pid !== undefined) {
        pids.add(pid);
        // 'exit' is emitted after libuv waited for the pid: from then on the pid may be reused.
        this.once('exit', () => pids.delete(pid));
      }
      return result;
    };
  }

  uninstall(): void {
    if (!this.original) return;
    spawnable().spawn = this.original;
    this.original = undefined;
  }

  has(pid: number): boolean {
    return this.pids.has(pid);
  }
}

// Not in Node's typings (it is internal), but every child process is started through it.
type SpawnMethod = (this: ChildProcess, options: unknown) => unknown;
function spawnable(): { spawn: SpawnMethod } {
  return ChildProcess.prototype as unknown as { spawn: SpawnMethod };
}

/** A process as /proc/<pid>/stat shows it: state and parent. */
export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
}

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields follow the last `)`. */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  const [state, ppid] = text
    .slice(close + 2)
    .split(' ')
    .slice(0, 2);
  if (!Number.isInteger(pid) || state === undefined || ppid === undefined) return undefined;
  return { pid, state, ppid: Number(ppid) };
}

/**
 * The pids of `parent`'s children, from /proc/<parent>/task/<tid>/children of each of its threads
 * (CONFIG_PROC_CHILDREN); undefined when the kernel does not list them.
 */
export function childPids(parent: number, procRoot = PROC_PATH): number[] | undefined {
  const tasks = path.join(procRoot, String(parent), 'task');
  if (!fs.existsSync(path.join(tasks, String(parent), 'children'))) return undefined;
  const pids: number[] = [];
  for (const tid of fs.readdirSync(tasks)) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(tasks, tid, 'children'), 'utf8');
    } catch {
      continue; // the thread ended since readdir
    }
    for (const pid of text.split(' ')) if (pid.trim() !== '') pids.push(Number(pid));
  }
  return pids;
}

/**
 * Zombies whose parent is `parent`: its children's /proc/<pid>/stat, or every process's when the
 * kernel does not list children (a scan of all of /proc costs a second of CPU a boot under emulation).
 */
export function zombieChildren(parent: number, procRoot = PROC_PATH): number[] {
  const candidates =
    childPids(parent, procRoot) ??
    fs
      .readdirSync(procRoot)
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  const zombies: number[] = [];
  for (const pid of candidates) {
    let stat: ProcStat | undefined;
    try {
      stat = parseProcStat(fs.readFileSync(path.join(procRoot, String(pid), 'stat'), 'utf8'));
    } catch {
      continue; // gone since it was listed
    }
    if (stat && stat.state === 'Z' && stat.ppid === parent) zombies.push(stat.pid);
  }
  return zombies;
}

export interface ReaperOptions {
  logger: Logger;
  children?: NodeChildren;
  intervalMs?: number;
  procRoot?: string;
}

/** Reaps orphaned zombies on SIGCHLD and on a slow timer. */
export class Reaper {
  readonly children: NodeChildren;
  private timer: NodeJS.Timeout | undefined;
  private readonly onSigchld = (): void => void this.reap();
  private reaped = 0;

  constructor(private readonly opts: ReaperOptions) {
    this.children = opts.children ?? new NodeChildren();
  }

  start(): void {
    this.children.install();
    process.on('SIGCHLD', this.onSigchld);
    this.timer = setInterval(() => this.reap(), this.opts.intervalMs ?? REAPER_SCAN_INTERVAL_MS);
    this.timer.unref();
    this.reap();
  }

  stop(): void {
    process.off('SIGCHLD', this.onSigchld);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.children.uninstall();
  }

  /** How many orphans were reaped so far. */
  count(): number {
    return this.reaped;
  }

  /** Waits for every zombie child of ours that Node did not spawn; returns their pids. */
  reap(): number[] {
    const done: number[] = [];
    let zombies: number[];
    try {
      zombies = zombieChildren(process.pid, this.opts.procRoot);
    } catch (err) {
      this.opts.logger.error(`error scanning for zombies: ${(err as Error).message}`);
      return done;
    }
    for (const pid of zombies) {
      if (this.children.has(pid)) continue;
      try {
        if (syscalls.waitpid(pid).pid === pid) done.push(pid);
      } catch (err) {
        // ECHILD: someone else (libuv) waited for it first.
        if (!SyscallError.is(err, 'ECHILD')) {
          this.opts.logger.warn(`error reaping ${pid}: ${(err as Error).message}`);
        }
      }
    }
    this.reaped += done.length;
    if (done.length > 0) this.opts.logger.debug({ pids: done }, 'reaped orphans');
    return done;
  }
}
