// machined's progress on the console: each log line also goes to the kernel log (/dev/kmsg) as one
// short record, "machined: mounted /system", so the serial console of a booting node shows where it is
// (the kernel prints records to console=ttyS0) and `talosctl dmesg` has them too.
import * as fs from 'node:fs';
import { Writable } from 'node:stream';

/** Syslog levels for pino's: warnings and errors stand out in dmesg. */
function syslogLevel(pinoLevel: number): number {
  if (pinoLevel >= 50) return 3; // err
  if (pinoLevel >= 40) return 4; // warning
  return 6; // info
}

/** The one-line form of a pino JSON record: `machined: <msg>[: <err>]`; undefined for debug and below. */
export function consoleLine(json: string, name = 'machined'): { level: number; text: string } | undefined {
  let rec: { level?: number; msg?: string; err?: unknown; service?: string };
  try {
    rec = JSON.parse(json) as typeof rec;
  } catch {
    return json.trim() === '' ? undefined : { level: 6, text: `${name}: ${json.trim()}` };
  }
  const level = rec.level ?? 30;
  if (level < 30) return undefined;
  let text = `${name}: ${rec.service ? `[${rec.service}] ` : ''}${rec.msg ?? ''}`;
  if (typeof rec.err === 'string') text += `: ${rec.err}`;
  else if (rec.err && typeof (rec.err as { message?: unknown }).message === 'string') {
    text += `: ${(rec.err as { message: string }).message}`;
  }
  return { level: syslogLevel(level), text };
}

/**
 * A stream for pino that writes each record to `device` (/dev/kmsg takes one record per write,
 * with a `<level>` prefix; any other file gets plain lines). When the device cannot be opened the
 * lines go to stdout, which for init is the console. A failed write is dropped: the console is a
 * convenience, the log buffer keeps everything.
 */
export function consoleStream(device: string, name = 'machined'): Writable {
  let kmsg = device.endsWith('kmsg');
  let fd: number | undefined;
  try {
    fd = fs.openSync(device, 'w');
  } catch {
    kmsg = false;
  }
  const out = fd ?? 1;
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      pending += chunk.toString('utf8');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = consoleLine(pending.slice(0, nl), name);
        pending = pending.slice(nl + 1);
        if (!line) continue;
        // kmsg records are limited to about 1 KiB; longer ones are refused whole.
        const text = line.text.length > 900 ? `${line.text.slice(0, 900)}…` : line.text;
        try {
          fs.writeSync(out, kmsg ? `<${line.level}>${text}\n` : `${text}\n`);
        } catch {
          // Rate-limited or gone: drop this record.
        }
      }
      cb();
    },
    final(cb) {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
      cb();
    },
  });
}
