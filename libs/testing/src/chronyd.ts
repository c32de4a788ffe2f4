// Runs a real NTP server for tests (timed's specs, the e2e suites): Debian's chronyd on a loopback port, serving its local clock
// at stratum 8 and never touching the system clock (-x).
import { spawn, type ChildProcess } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CHRONYD = '/usr/sbin/chronyd';

export interface Chronyd {
  port: number;
  server: string;
  stop(): Promise<void>;
}

/** A UDP port nobody listens on at this moment. */
export async function freeUdpPort(): Promise<number> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  const { port } = sock.address();
  await new Promise<void>((resolve) => sock.close(resolve));
  return port;
}

export async function startChronyd(): Promise<Chronyd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronyd-'));
  const port = await freeUdpPort();
  const conf = path.join(dir, 'chrony.conf');
  fs.writeFileSync(
    conf,
    [
      `port ${port}`,
      'bindaddress 127.0.0.1',
      'local stratum 8',
      'allow 127.0.0.1',
      'cmdport 0',
      `driftfile ${path.join(dir, 'drift')}`,
      `pidfile ${path.join(dir, 'chronyd.pid')}`,
      // chronyd drops privileges to _chrony by default; root keeps the temp files readable.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(CHRONYD, ['-d', '-x', '-f', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const server = `127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await ntpProbe(port, 200);
      return { port, server, stop };
    } catch (err) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`chronyd did not start: ${(err as Error).message}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Sends one client-mode NTP packet and waits for a server-mode reply (readiness only). */
function ntpProbe(port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    const done = (err?: Error): void => {
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(
      () => done(new Error(`no NTP reply on 127.0.0.1:${port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    sock.on('error', (err) => done(err));
    sock.on('message', (msg) => ((msg[0]! & 0x7) === 4 ? done() : undefined));
    const packet = Buffer.alloc(48);
    packet[0] = (4 << 3) | 3; // version 4, client mode
    sock.send(packet, port, '127.0.0.1');
  });
}
