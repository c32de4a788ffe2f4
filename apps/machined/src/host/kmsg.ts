// The kernel log (`talosctl dmesg`): records read from /dev/kmsg, formatted as Talos prints them
// ("kern:    info: [2021-03-10T12:00:00.123456Z]: message"). The device is opened non-blocking
// and polled, so that a follower that goes away never leaves a read blocked in the thread pool.
import { constants as fsc } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { KMSG_PATH } from '@talos/constants';
import { sleep } from '../system/health';

const FACILITIES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
];
const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

export interface KernelMessage {
  facility: string;
  priority: string;
  sequence: number;
  timestamp: Date;
  message: string;
}

/** Opening or reading the device failed: `code` is the errno name (EPERM, ENOENT, ...). */
export class KernelLogError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`error reading kernel log: ${message}`);
    this.name = 'KernelLogError';
  }
}

/** One /dev/kmsg record: "pri,seq,usec,flags[,...];message\n[ KEY=value\n...]". */
export function parseKmsgRecord(record: string, bootTimeMs: number): KernelMessage | undefined {
  const semi = record.indexOf(';');
  if (semi === -1) return undefined;
  const [pri, seq, usec] = record.slice(0, semi).split(',');
  const prefix = Number(pri);
  if (Number.isNaN(prefix)) return undefined;
  const body = record.slice(semi + 1).split('\n')[0] ?? '';
  return {
    facility: FACILITIES[prefix >> 3] ?? String(prefix >> 3),
    priority: PRIORITIES[prefix & 7] ?? String(prefix & 7),
    sequence: Number(seq),
    timestamp: new Date(bootTimeMs + Number(usec) / 1000),
    // The kernel escapes unprintable bytes as \xNN; keep them so.
    message: body,
  };
}

export function formatKernelMessage(m: KernelMessage): string {
  return `${m.facility}: ${m.priority.padStart(7)}: [${m.timestamp.toISOString()}]: ${m.message}\n`;
}

export async function bootTimeMs(procDir = '/proc'): Promise<number> {
  const uptime = Number.parseFloat(await readFile(`${procDir}/uptime`, 'utf8'));
  return Date.now() - uptime * 1000;
}

export interface KernelLogOptions {
  /** Keep reading new records until `signal` aborts. */
  follow?: boolean;
  /** Skip the records already in the buffer (only new ones). */
  tail?: boolean;
  signal?: AbortSignal;
  path?: string;
  pollMs?: number;
}

export async function* readKernelLog(opts: KernelLogOptions = {}): AsyncIterable<KernelMessage> {
  const signal = opts.signal ?? new AbortController().signal;
  let handle;
  try {
    handle = await open(opts.path ?? KMSG_PATH, fsc.O_RDONLY | fsc.O_NONBLOCK);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new KernelLogError(e.code ?? 'EIO', e.message);
  }
  try {
    const boot = await bootTimeMs();
    const buf = Buffer.alloc(16 * 1024);
    let skipping = opts.tail === true;
    while (!signal.aborted) {
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buf, 0, buf.length, null));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // EPIPE: records were overwritten before we read them; the next read continues.
        if (code === 'EPIPE') continue;
        if (code !== 'EAGAIN') throw new KernelLogError(code ?? 'EIO', (err as Error).message);
        skipping = false;
        if (!opts.follow) return;
        if (!(await sleep(opts.pollMs ?? 250, signal))) return;
        continue;
      }
      if (n === 0) return;
      if (skipping) continue;
      const msg = parseKmsgRecord(buf.subarray(0, n).toString('utf8'), boot);
      if (msg) yield msg;
    }
  } finally {
    await handle.close();
  }
}
