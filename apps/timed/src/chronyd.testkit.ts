// Runs a real NTP server for tests: Debian's chronyd on a loopback port, serving its local clock
// at stratum 8 and never touching the system clock (-x).
import { spawn, type ChildProcess } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SntpClient } from './sntp-client';

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
  const client = new SntpClient({ timeoutMs: 200 });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await client.query(server);
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
